// Files into a workload before its first start. A service has no container to write into until a task runs, so
// secret files become Swarm secrets (secrets.ts), and the folders in its volume (the data folder's owner, the
// folders above a secret file there) are made by a one-shot job of the workload's own image on the volume's node,
// as root with only the capabilities that takes. Folders outside the volume live in a task's container only: the
// engine makes a secret's folders there (root's, 0755).
import "server-only";
import type Docker from "dockerode";
import { AppError } from "@/lib/errors";
import type { FileEntry } from "@/lib/runtime/runtime";
import { inspectService } from "@/lib/runtime/swarm/cluster";
import { folderScript } from "@/lib/runtime/swarm/folder-script";
import { imagePathOwner } from "@/lib/runtime/swarm/image-files";
import { runJob } from "@/lib/runtime/swarm/jobs";
import { RUNTIME_LABELS } from "@/lib/runtime/swarm/names";
import { attachSecretFiles } from "@/lib/runtime/swarm/services";

type Dir = Extract<FileEntry, { type: "dir" }>;

export async function writeServiceFiles(docker: Docker, id: string, entries: FileEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const service = await inspectService(docker, id);
  if (!service)
    throw new AppError("CONTAINER_START_FAILED", "The workload disappeared while it was being made.");
  const container = service.Spec.TaskTemplate.ContainerSpec;
  const mount = container.Mounts?.find((candidate) => candidate.Type === "volume");
  const base = mount?.Target.replace(/\/+$/, "");
  const dirs = entries.filter(
    (entry): entry is Dir =>
      entry.type === "dir" && !!base && (entry.path === base || entry.path.startsWith(`${base}/`)),
  );
  if (dirs.length > 0 && mount?.Source && base) {
    const result = await runJob(docker, {
      name: `${service.Spec.Name}-prepare`,
      image: container.Image,
      command: ["sh", "-c", folderScript(dirs)],
      user: "0:0",
      env: {},
      labels: { [RUNTIME_LABELS.owner]: service.Spec.Name },
      volume: { name: mount.Source, target: base, options: mount.VolumeOptions },
      files: [],
      limits: { memoryBytes: 64 * 1024 * 1024, cpus: 0.5, pidsLimit: 64 },
      capAdd: ["CHOWN", "FOWNER", "DAC_OVERRIDE"],
      pinTo: service.Spec.Labels?.[RUNTIME_LABELS.node],
      timeoutMs: 60_000,
    });
    if (result.exitCode !== 0)
      throw new AppError(
        "CONTAINER_START_FAILED",
        `The workspace's data folder could not be prepared (its image needs sh, mkdir, chown and chmod): ${result.output.trim().slice(-300) || `exit ${result.exitCode}`}`,
      );
  }
  await attachSecretFiles(docker, service.ID, entries);
}

/** A folder's owner in a fresh volume: what the image has there (a fresh volume starts as a copy of it). */
export async function servicePathOwner(
  docker: Docker,
  id: string,
  path: string,
): Promise<{ uid: number; gid: number } | null> {
  const service = await inspectService(docker, id);
  if (!service) return null;
  return imagePathOwner(docker, service.Spec.TaskTemplate.ContainerSpec.Image, path);
}
