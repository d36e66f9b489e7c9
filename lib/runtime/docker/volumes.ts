// Named volumes hold workspace data. They are created with their labels by the container that mounts them first
// (create-options.ts), and removed only when their owner says so.
import "server-only";
import type Docker from "dockerode";
import { dockerCall, SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";

export async function volumeExists(docker: Docker, name: string): Promise<boolean> {
  const found = await dockerCall("look up the volume", (opts) =>
    orNull(docker.getVolume(name).inspect(opts), hasStatus(404)),
  );
  return found !== null;
}

export async function removeVolume(docker: Docker, name: string): Promise<void> {
  // 404: already gone. A volume still in use (409) is an error: its container must go first.
  await dockerCall(
    "remove the volume",
    (opts) => orNull(docker.getVolume(name).remove(opts), hasStatus(404)),
    SLOW_CALL_MS,
  );
}
