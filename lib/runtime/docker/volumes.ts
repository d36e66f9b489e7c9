// Named volumes hold workspace data. They are created with their labels by the container that mounts them first
// (create-options.ts), and removed only when their owner says so.
import "server-only";
import type Docker from "dockerode";
import { AppError } from "@/lib/errors";
import { dockerCall, SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { labelFilters } from "@/lib/runtime/docker/containers";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";
import type { LabelSelector, Volume } from "@/lib/runtime/runtime";

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
    (opts) =>
      orNull(docker.getVolume(name).remove(opts), hasStatus(404)).catch((error: unknown) => {
        if (!hasStatus(409)(error)) throw error;
        throw new AppError(
          "CONFLICT",
          "This volume is still in use by a container: remove the container first.",
        );
      }),
    SLOW_CALL_MS,
  );
}

export async function listVolumes(docker: Docker, selector: LabelSelector): Promise<Volume[]> {
  const answer = await dockerCall("list volumes", (opts) =>
    docker.listVolumes({ ...opts, filters: { label: labelFilters(selector) } }),
  );
  return (answer.Volumes ?? []).map((volume) => {
    const created = (volume as { CreatedAt?: string }).CreatedAt;
    return {
      name: volume.Name,
      labels: volume.Labels ?? {},
      createdAt: created && !Number.isNaN(Date.parse(created)) ? new Date(created) : null,
    };
  });
}
