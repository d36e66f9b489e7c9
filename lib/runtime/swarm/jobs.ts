// A one-shot helper next to a workload (a git clone into its volume, preparing the volume's folders) as a Swarm
// replicated job on the node its volume lives on: it runs to its end, its logs are read, then it goes with its
// secrets. Its name is fixed per purpose, so one a crash left behind is removed first.
import "server-only";
import type Docker from "dockerode";
import { dockerCall, SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";
import { demuxBuffer } from "@/lib/runtime/docker/log-frames";
import type { TaskResult, TaskSpec } from "@/lib/runtime/runtime";
import { listNodes, tasksByService } from "@/lib/runtime/swarm/cluster";
import { jobName, RUNTIME_LABELS } from "@/lib/runtime/swarm/names";
import { nodeEngine } from "@/lib/runtime/swarm/node-engines";
import { filesOf, removeSecretsOf, secretRefs } from "@/lib/runtime/swarm/secrets";
import { LOG_DRIVER, limitsToSwarm, swarmHardening } from "@/lib/runtime/swarm/service-spec";
import type { SwarmTask } from "@/lib/runtime/swarm/shapes";

/** A runtime task as a job: the same spec, and what a Swarm adds (capabilities, the node, the volume's options). */
export type JobSpec = Omit<TaskSpec, "volume" | "network"> & {
  network?: string;
  /**
   * The workload's volume at `target`; `options` as the workload's own mount has them (driver, labels), so a job that
   * runs before the workload's first task makes the volume as the workload would have.
   */
  volume: TaskSpec["volume"] & { options?: unknown };
  capAdd: string[];
  /** The node it must run on (its volume's); none for a shared volume. */
  pinTo?: string;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ENDED = new Set(["complete", "failed", "rejected", "shutdown", "orphaned"]);

async function removeJob(docker: Docker, name: string): Promise<void> {
  await dockerCall("remove a helper job", (opts) =>
    orNull(docker.getService(name).remove(opts), hasStatus(404)),
  );
  await removeSecretsOf(docker, name);
}

async function jobLogs(docker: Docker, id: string): Promise<string> {
  const buffer = (await dockerCall(
    "read a helper job's logs",
    (opts) =>
      docker
        .getService(id)
        .logs({ ...opts, stdout: true, stderr: true, follow: false } as object) as unknown as Promise<Buffer>,
    SLOW_CALL_MS,
  ).catch(() => Buffer.alloc(0))) as Buffer;
  return demuxBuffer(Buffer.from(buffer))
    .map((frame) => frame.chunk)
    .join("");
}

export async function runJob(docker: Docker, spec: JobSpec): Promise<TaskResult> {
  const name = jobName(spec.name);
  await removeJob(docker, name);
  const files = filesOf(spec.files);
  let ran: SwarmTask | undefined;
  try {
    const secrets = await secretRefs(docker, name, files);
    const created = (await dockerCall(
      "create a helper job",
      (opts) =>
        docker.createService({
          ...opts,
          Name: name,
          Labels: { ...spec.labels, [RUNTIME_LABELS.owner]: name },
          TaskTemplate: {
            ContainerSpec: {
              Image: spec.image,
              Command: spec.command.length > 0 ? spec.command : undefined,
              User: spec.user,
              Env: Object.entries(spec.env).map(([key, value]) => `${key}=${value}`),
              Labels: spec.labels,
              ...swarmHardening(spec.capAdd),
              Mounts: [
                {
                  Type: "volume",
                  Source: spec.volume.name,
                  Target: spec.volume.target,
                  ...(spec.volume.options ? { VolumeOptions: spec.volume.options } : {}),
                },
              ],
              Secrets: secrets,
            },
            Resources: { Limits: limitsToSwarm(spec.limits) },
            RestartPolicy: { Condition: "none" },
            Placement: { Constraints: spec.pinTo ? [`node.id==${spec.pinTo}`] : [] },
            Networks: spec.network ? [{ Target: spec.network }] : [],
            LogDriver: LOG_DRIVER,
          },
          Mode: { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 1 } },
        } as object) as Promise<{ id: string }>,
      SLOW_CALL_MS,
    )) as { id: string };
    const deadline = Date.now() + spec.timeoutMs;
    while (Date.now() < deadline) {
      const task = ((await tasksByService(docker, [created.id])).get(created.id) ?? [])[0];
      ran = task ?? ran;
      const state = task?.Status.State ?? "";
      if (task && ENDED.has(state)) {
        const output = await jobLogs(docker, created.id);
        if (
          state === "rejected" ||
          (state === "failed" && task.Status.ContainerStatus?.ExitCode === undefined)
        )
          return { exitCode: 125, output: `${output}\n${task.Status.Err ?? "the job could not start"}` };
        return { exitCode: task.Status.ContainerStatus?.ExitCode ?? (state === "complete" ? 0 : 1), output };
      }
      await sleep(25);
    }
    const output = await jobLogs(docker, created.id);
    return { exitCode: 124, output: `${output}\n(timed out after ${Math.round(spec.timeoutMs / 1000)} s)` };
  } finally {
    await removeJob(docker, name).catch(() => {});
    // Not awaited: the job's result is known, and its leftover container is no business of the launch's.
    void removeJobContainer(docker, ran).catch(() => {});
  }
}

/**
 * A finished job's container stays on its node after its service is removed (Swarm 20.10 does not reap a job's
 * tasks), holding the volume: it is removed on that node's engine where the settings name one; otherwise a volume's
 * removal takes it (volumes.ts).
 */
async function removeJobContainer(docker: Docker, task: SwarmTask | undefined): Promise<void> {
  const containerId = task?.Status.ContainerStatus?.ContainerID;
  if (!task?.NodeID || !containerId) return;
  const engine = nodeEngine(task.NodeID, await listNodes(docker));
  if (!engine) return;
  await dockerCall("remove a finished job's container", (opts) =>
    orNull(engine.getContainer(containerId).remove({ ...opts, force: true, v: false }), hasStatus(404, 409)),
  );
}
