// Writing files into a created container before it starts (secret files, the data folder's owner), and reading
// one back. Docker extracts the archive with the owners and modes it carries, into the container's volumes too.
import "server-only";
import type Docker from "dockerode";
import { AppError } from "@/lib/errors";
import { dockerCall, SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";
import { firstEntryOwner, packTar, readTarFiles } from "@/lib/runtime/docker/tar";
import type { FileEntry } from "@/lib/runtime/runtime";

export async function writeFiles(docker: Docker, id: string, entries: FileEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const archive = packTar(entries);
  // noOverwriteDirNonDir: a file never replaces a folder (Docker would delete the folder and all in it), nor a
  // folder a file; that is refused instead, naming the path.
  await dockerCall(
    "write files into the container",
    (opts) =>
      docker
        .getContainer(id)
        .putArchive(archive, { ...opts, path: "/", noOverwriteDirNonDir: true })
        .catch((error: Error) => {
          const clash = /cannot overwrite (?:non-)?directory "([^"]+)"/.exec(error.message ?? "");
          if (!clash) throw error;
          throw new AppError(
            "CONFLICT",
            `A secret file can't be written at ${clash[1]}: a folder and a file would take the same path. Change the secret file's path.`,
          );
        }),
    SLOW_CALL_MS,
  );
}

/** One file's content from a container (created or running), or null when it has no such file. */
export async function readFile(docker: Docker, id: string, path: string): Promise<Buffer | null> {
  const stream = await dockerCall("read a file of the container", (opts) =>
    orNull(docker.getContainer(id).getArchive({ ...opts, path }), hasStatus(404)),
  );
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return readTarFiles(Buffer.concat(chunks))[0]?.content ?? null;
}

/** Who owns a path: only the archive's first header is read, then the stream is dropped (a data folder may be big). */
export async function pathOwner(
  docker: Docker,
  id: string,
  path: string,
): Promise<{ uid: number; gid: number } | null> {
  const stream = await dockerCall("read a folder of the container", (opts) =>
    orNull(docker.getContainer(id).getArchive({ ...opts, path }), hasStatus(404)),
  );
  if (!stream) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= 512) break;
  }
  (stream as unknown as { destroy?: () => void }).destroy?.();
  return firstEntryOwner(Buffer.concat(chunks));
}
