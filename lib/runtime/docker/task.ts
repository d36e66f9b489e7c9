// A helper container that runs to its end next to a workload (a git clone into its volume), then goes. It is as
// hardened as a workload; its files (credentials) are written before it starts, never passed as environment.
import "server-only";
import type Docker from "dockerode";
import { AppError } from "@/lib/errors";
import { dockerCall, SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { hardening, limitsToDocker } from "@/lib/runtime/docker/create-options";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";
import { writeFiles } from "@/lib/runtime/docker/files";
import { readAllLogs } from "@/lib/runtime/docker/logs";
import { ensureNetwork } from "@/lib/runtime/docker/networks";
import type { TaskResult, TaskSpec } from "@/lib/runtime/runtime";

async function removeTask(docker: Docker, name: string): Promise<void> {
  await dockerCall(
    "remove a helper container",
    (opts) =>
      orNull(docker.getContainer(name).remove({ ...opts, force: true, v: true }), hasStatus(404, 409)),
    SLOW_CALL_MS,
  );
}

export async function runTask(docker: Docker, spec: TaskSpec): Promise<TaskResult> {
  await ensureNetwork(docker, spec.network);
  // A helper left by a crashed launch goes first: its name is fixed per workspace.
  await removeTask(docker, spec.name);
  const container = await dockerCall(
    "create a helper container",
    (opts) =>
      docker.createContainer({
        ...opts,
        name: spec.name,
        Image: spec.image,
        Cmd: spec.command,
        User: spec.user,
        Env: Object.entries(spec.env).map(([key, value]) => `${key}=${value}`),
        Labels: spec.labels,
        HostConfig: {
          NetworkMode: spec.network,
          ...limitsToDocker(spec.limits),
          ...hardening([]),
          Mounts: [{ Type: "volume", Source: spec.volume.name, Target: spec.volume.target }],
        },
      }),
    SLOW_CALL_MS,
  );
  try {
    await writeFiles(docker, container.id, spec.files);
    await dockerCall("start a helper container", (opts) => container.start(opts), SLOW_CALL_MS);
    const ended = await dockerCall(
      "wait for a helper container",
      (opts) => container.wait(opts) as Promise<{ StatusCode: number }>,
      spec.timeoutMs,
    ).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "CONTAINER_ENGINE_UNAVAILABLE") return null;
      throw error;
    });
    const output = await readAllLogs(docker, container.id, false);
    if (!ended)
      return { exitCode: 124, output: `${output}\n(timed out after ${Math.round(spec.timeoutMs / 1000)} s)` };
    return { exitCode: ended.StatusCode, output };
  } finally {
    await removeTask(docker, container.id);
  }
}
