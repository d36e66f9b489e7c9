// Container operations against the engine. Each is safe to repeat: "already so" answers are success.
import "server-only";
import type Docker from "dockerode";
import { AppError } from "@/lib/errors";
import { dockerCall, SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { buildCreateOptions, limitsToDocker } from "@/lib/runtime/docker/create-options";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";
import { ensureNetwork, forgetNetwork } from "@/lib/runtime/docker/networks";
import { workloadFromInspect, workloadFromList } from "@/lib/runtime/docker/to-workload";
import type { LabelSelector, Limits, Workload, WorkloadSpec } from "@/lib/runtime/runtime";

export function labelFilters(selector: LabelSelector): string[] {
  return Object.entries(selector).map(([key, value]) => (value === true ? key : `${key}=${value}`));
}

export async function inspectWorkload(docker: Docker, idOrName: string): Promise<Workload | null> {
  const info = await dockerCall("look up the container", (opts) =>
    orNull(docker.getContainer(idOrName).inspect(opts), hasStatus(404)),
  );
  return info ? workloadFromInspect(info) : null;
}

export async function listWorkloads(
  docker: Docker,
  selector: LabelSelector,
  { running = false } = {},
): Promise<Workload[]> {
  const filters = { label: labelFilters(selector), ...(running ? { status: ["running"] } : {}) };
  const list = await dockerCall("list containers", (opts) =>
    docker.listContainers({ ...opts, all: !running, filters }),
  );
  return list.map(workloadFromList);
}

/** Creates a container and returns its id, or null when one with that name already exists. */
/** `volumeExists`: its data volume is there already (it keeps its driver: create-options.ts). */
export async function createWorkload(
  docker: Docker,
  spec: WorkloadSpec,
  volumeExists = false,
): Promise<string | null> {
  await ensureNetwork(docker, spec.network);
  const options = buildCreateOptions(spec, { volumeExists });
  const once = (opts: object) => orNull(docker.createContainer({ ...options, ...opts }), hasStatus(409));
  const container = await dockerCall(
    "create the container",
    (opts) =>
      once(opts).catch(async (error: Error) => {
        if (!hasStatus(404)(error)) throw error;
        if (/network/i.test(error.message)) {
          // The network was removed behind our back: make it again and retry once.
          forgetNetwork(spec.network);
          await ensureNetwork(docker, spec.network);
          return once(opts);
        }
        throw new AppError(
          "TEMPLATE_IMAGE_NOT_FOUND",
          `The image "${spec.image}" is not available on this server.`,
        );
      }),
    SLOW_CALL_MS,
  );
  return container?.id ?? null;
}

export async function startWorkload(docker: Docker, id: string): Promise<void> {
  await dockerCall(
    "start the container",
    (opts) => orNull(docker.getContainer(id).start(opts), hasStatus(304)),
    SLOW_CALL_MS,
  );
}

export async function stopWorkload(docker: Docker, id: string): Promise<void> {
  // t=10: the engine's grace before SIGKILL; Init forwards SIGTERM so most stop well before.
  await dockerCall(
    "stop the container",
    (opts) => orNull(docker.getContainer(id).stop({ ...opts, t: 10 }), hasStatus(304, 404)),
    SLOW_CALL_MS,
  );
}

export async function restartWorkload(docker: Docker, id: string): Promise<void> {
  await dockerCall(
    "restart the container",
    (opts) => docker.getContainer(id).restart({ ...opts, t: 10 }),
    SLOW_CALL_MS,
  );
}

export async function removeWorkload(docker: Docker, id: string): Promise<void> {
  // v: anonymous volumes an image declares go with the container; named volumes (workspace data) never do.
  await dockerCall(
    "remove the container",
    (opts) => orNull(docker.getContainer(id).remove({ ...opts, force: true, v: true }), hasStatus(404, 409)),
    SLOW_CALL_MS,
  );
}

export async function updateWorkloadLimits(docker: Docker, id: string, limits: Limits): Promise<void> {
  await dockerCall(
    "change the container's limits",
    (opts) => docker.getContainer(id).update({ ...opts, ...limitsToDocker(limits) }),
    SLOW_CALL_MS,
  );
}
