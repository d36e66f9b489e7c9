// Open TCP connections to a workload's app ports, read from its own /proc/net/tcp{,6} by an exec: the one signal that
// a WebSocket is still open (forward-auth sees only its upgrade; the proxy keeps the connection while it lives).
import "server-only";
import { PassThrough } from "node:stream";
import type Docker from "dockerode";
import { dockerCall } from "@/lib/runtime/docker/call";
import { countEstablished } from "@/lib/runtime/tcp-table";

const READ_MS = 5000;

/** Established connections whose local port is one of `ports`; null when the workload can't be read (no cat). */
export async function openConnections(docker: Docker, id: string, ports: number[]): Promise<number | null> {
  const container = docker.getContainer(id);
  const exec = await dockerCall("look at a container's connections", () =>
    container.exec({
      Cmd: ["cat", "/proc/net/tcp", "/proc/net/tcp6"],
      AttachStdout: true,
      AttachStderr: true,
    }),
  );
  const stream = await dockerCall("look at a container's connections", () =>
    exec.start({ hijack: true, stdin: false }),
  );
  const chunks: Buffer[] = [];
  const stdout = new PassThrough();
  stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  docker.modem.demuxStream(stream, stdout, new PassThrough().resume());
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      (stream as unknown as { destroy: () => void }).destroy();
      resolve();
    }, READ_MS);
    stream.on("end", () => {
      clearTimeout(timer);
      resolve();
    });
    stream.on("error", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const { ExitCode } = await dockerCall("look at a container's connections", () => exec.inspect());
  // tcp6 is missing where IPv6 is off: cat says so and exits 1, having printed tcp. Nothing printed: unreadable.
  const text = Buffer.concat(chunks).toString("utf8");
  if (ExitCode !== 0 && !text.includes("local_address")) return null;
  return countEstablished(text, ports);
}
