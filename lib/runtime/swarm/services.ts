// Workloads as services: create (stopped, pinned to its volume's node), start and stop by scaling 1 and 0, restart
// by forcing a new task, remove with its secrets. Each is safe to repeat, like the Docker runtime's.
import "server-only";
import type Docker from "dockerode";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { dockerCall, SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { labelFilters } from "@/lib/runtime/docker/containers";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";
import type {
  FileEntry,
  LabelSelector,
  Limits,
  StartPhase,
  Workload,
  WorkloadSpec,
} from "@/lib/runtime/runtime";
import { inspectService, listNodes, tasksByService } from "@/lib/runtime/swarm/cluster";
import { loadByNode } from "@/lib/runtime/swarm/load";
import { RUNTIME_LABELS, serviceName } from "@/lib/runtime/swarm/names";
import { ensureOverlay } from "@/lib/runtime/swarm/overlay";
import { pickNode } from "@/lib/runtime/swarm/placement";
import { filesOf, removeSecretsOf, secretRefs } from "@/lib/runtime/swarm/secrets";
import { limitsToSwarm, serviceSpecFor } from "@/lib/runtime/swarm/service-spec";
import type { SwarmService, SwarmServiceSpec } from "@/lib/runtime/swarm/shapes";
import { replicasOf, workloadFromService } from "@/lib/runtime/swarm/to-workload";
import { updateService } from "@/lib/runtime/swarm/update-service";
import { recordVolume, volumeRecord } from "@/lib/runtime/swarm/volumes";
import { waitUntilNoneRunning, waitUntilRunning } from "@/lib/runtime/swarm/wait-tasks";

const STOP_WAIT_MS = 20_000;

export async function listServices(docker: Docker, selector: LabelSelector): Promise<SwarmService[]> {
  return (await dockerCall("list services", (opts) =>
    docker.listServices({ ...opts, filters: { label: labelFilters(selector) } }),
  )) as unknown as SwarmService[];
}

export async function inspectWorkload(
  docker: Docker,
  network: string,
  idOrName: string,
): Promise<Workload | null> {
  const service = await inspectService(docker, serviceName(idOrName));
  if (!service) return null;
  const [tasks, nodes] = await Promise.all([tasksByService(docker, [service.ID]), listNodes(docker)]);
  return workloadFromService(service, tasks.get(service.ID) ?? [], nodes, network);
}

export async function listWorkloads(
  docker: Docker,
  network: string,
  selector: LabelSelector,
  { running = false } = {},
): Promise<Workload[]> {
  const services = await listServices(docker, selector);
  if (services.length === 0) return [];
  const [tasks, nodes] = await Promise.all([tasksByService(docker), listNodes(docker)]);
  const workloads = services.map((service) =>
    workloadFromService(service, tasks.get(service.ID) ?? [], nodes, network),
  );
  return running ? workloads.filter((workload) => workload.state === "running") : workloads;
}

/**
 * Where a workload's volume is, decided once and recorded: an existing record wins (its node, or none for a shared
 * volume — whatever the template says now: the data is where it was made); a new shared volume is recorded unpinned;
 * a new local one goes to the node with most room.
 */
async function placeVolume(
  docker: Docker,
  spec: WorkloadSpec,
): Promise<{ pinTo?: string; existing: boolean }> {
  const volume = spec.volume;
  if (!volume) return { existing: false };
  const known = await volumeRecord(docker, volume.name);
  if (known) return { pinTo: known.node ?? undefined, existing: true };
  if (volume.shared) {
    await recordVolume(docker, volume.name, null, volume.labels);
    return { existing: false };
  }
  const [nodes, services, tasks] = await Promise.all([
    listNodes(docker),
    listServices(docker, { [RUNTIME_LABELS.name]: true }),
    tasksByService(docker),
  ]);
  const node = pickNode([...nodes.values()], loadByNode(services, tasks));
  if (!node)
    throw new AppError(
      "RESOURCE_LIMIT_EXCEEDED",
      "No Swarm node is ready and active to take new workspaces.",
    );
  // Two launches may record at once: the first record wins, for both.
  if (await recordVolume(docker, volume.name, node.ID, volume.labels))
    return { pinTo: node.ID, existing: false };
  return { pinTo: (await volumeRecord(docker, volume.name))?.node ?? node.ID, existing: true };
}

/** Creates the service with no replica (created, not started); null when one of that name exists already. */
export async function createWorkload(docker: Docker, spec: WorkloadSpec): Promise<string | null> {
  await ensureOverlay(docker, spec.network);
  const { pinTo, existing } = await placeVolume(docker, spec);
  const created = await dockerCall(
    "create the service",
    (opts) =>
      orNull(
        docker.createService({
          ...opts,
          ...serviceSpecFor(spec, { replicas: 0, pinTo, existingVolume: existing }),
        } as object) as Promise<{
          id: string;
        }>,
        hasStatus(409),
      ),
    SLOW_CALL_MS,
  );
  return created?.id ?? null;
}

/** The ids of the service's tasks now: a start or restart waits for a task that is not among them. */
async function taskIds(docker: Docker, serviceId: string): Promise<Set<string>> {
  return new Set(((await tasksByService(docker, [serviceId])).get(serviceId) ?? []).map((task) => task.ID));
}

const startTimeout = () => getEnv().SWARM_START_TIMEOUT_MS;

export async function startWorkload(
  docker: Docker,
  id: string,
  observe?: (phase: StartPhase) => void,
): Promise<void> {
  const before = await inspectService(docker, id);
  if (!before)
    throw new AppError("CONTAINER_START_FAILED", "The workload disappeared while it was starting.");
  const pinnedTo = before.Spec.Labels?.[RUNTIME_LABELS.node];
  // Already wanted (a node it waits for, a start in another process): wait for it, and never take it back.
  const scalesUp = replicasOf(before) === 0;
  const known = scalesUp ? await taskIds(docker, before.ID) : new Set<string>();
  if (scalesUp)
    await updateService(
      docker,
      before.ID,
      (spec) => ({
        ...spec,
        Labels: { ...spec.Labels, [RUNTIME_LABELS.startedAt]: new Date().toISOString() },
        Mode: { Replicated: { Replicas: 1 } },
      }),
      before,
    );
  try {
    await waitUntilRunning(docker, before.ID, { known, timeoutMs: startTimeout(), pinnedTo, observe });
  } catch (error) {
    // A start this call made that can't be placed or fails does not stay wanted: it would start later, past every
    // check (quotas, capacity) made for it now.
    if (scalesUp) await scaleTo(docker, before.ID, 0).catch(() => {});
    throw error;
  }
}

async function scaleTo(docker: Docker, id: string, replicas: number): Promise<void> {
  await updateService(docker, id, (spec) => ({ ...spec, Mode: { Replicated: { Replicas: replicas } } }));
}

export async function stopWorkload(docker: Docker, id: string): Promise<void> {
  const service = await inspectService(docker, id);
  if (!service) return;
  if (replicasOf(service) > 0) await scaleTo(docker, service.ID, 0);
  await waitUntilNoneRunning(docker, service.ID, STOP_WAIT_MS);
}

/** A change of the task (a forced restart, new limits) replaces it: resolves once the new one runs. */
async function replaceTask(
  docker: Docker,
  id: string,
  change: (spec: SwarmServiceSpec) => SwarmServiceSpec,
): Promise<void> {
  const current = await inspectService(docker, id);
  if (!current) throw new AppError("NOT_FOUND", "The workload is gone.");
  const known = await taskIds(docker, current.ID);
  const service = await updateService(
    docker,
    current.ID,
    (spec) => ({
      ...change(spec),
      Labels: { ...spec.Labels, [RUNTIME_LABELS.startedAt]: new Date().toISOString() },
    }),
    current,
  );
  if (replicasOf(service) === 0) return;
  await waitUntilRunning(docker, service.ID, {
    known,
    timeoutMs: startTimeout(),
    pinnedTo: service.Spec.Labels?.[RUNTIME_LABELS.node],
  });
}

export async function restartWorkload(docker: Docker, id: string): Promise<void> {
  await replaceTask(docker, id, (spec) => ({
    ...spec,
    Mode: { Replicated: { Replicas: 1 } },
    TaskTemplate: { ...spec.TaskTemplate, ForceUpdate: (spec.TaskTemplate.ForceUpdate ?? 0) + 1 },
  }));
}

export async function removeWorkload(docker: Docker, id: string): Promise<void> {
  const service = await inspectService(docker, id);
  if (!service) return;
  // As Docker's remove: done when its container has stopped. Scaled to 0 first and waited for while the service
  // still exists (once it is gone its tasks can't be asked for): a re-created workspace's new task must not start on
  // the same data while the old one still runs, nor be refused for the room the old one still holds.
  if (replicasOf(service) > 0) await scaleTo(docker, service.ID, 0);
  await waitUntilNoneRunning(docker, service.ID, STOP_WAIT_MS);
  await dockerCall(
    "remove the service",
    (opts) => orNull(docker.getService(service.ID).remove(opts), hasStatus(404)),
    SLOW_CALL_MS,
  );
  await removeSecretsOf(docker, service.Spec.Name);
}

/**
 * New limits are a new task on a Swarm (the Docker runtime changes them in place): the reservation follows the memory
 * limit in the same proportion, and this resolves once the new task runs. `{ restarted: true }`: no restart is needed
 * to apply them.
 */
export async function updateWorkloadLimits(
  docker: Docker,
  id: string,
  limits: Limits,
): Promise<{ restarted: boolean }> {
  await replaceTask(docker, id, (spec) => {
    const resources = spec.TaskTemplate.Resources ?? {};
    const oldMemory = resources.Limits?.MemoryBytes ?? 0;
    const reserved = resources.Reservations?.MemoryBytes ?? 0;
    const memory = oldMemory > 0 ? Math.floor((reserved * limits.memoryBytes) / oldMemory) : reserved;
    return {
      ...spec,
      TaskTemplate: {
        ...spec.TaskTemplate,
        Resources: {
          Limits: limitsToSwarm(limits),
          Reservations: { ...resources.Reservations, MemoryBytes: memory },
        },
      },
    };
  });
  return { restarted: true };
}

/** Secret files become the service's Swarm secrets (it has not started yet: no task sees them half-written). */
export async function attachSecretFiles(docker: Docker, id: string, files: FileEntry[]): Promise<void> {
  const only = filesOf(files);
  if (only.length === 0) return;
  const service = await inspectService(docker, id);
  if (!service)
    throw new AppError("CONTAINER_START_FAILED", "The workload disappeared while it was being made.");
  const refs = await secretRefs(docker, service.Spec.Name, only);
  await updateService(docker, service.ID, (spec) => {
    const kept = (spec.TaskTemplate.ContainerSpec.Secrets ?? []).filter(
      (secret) => !refs.some((ref) => ref.File.Name === (secret.File as { Name?: string } | undefined)?.Name),
    );
    return {
      ...spec,
      TaskTemplate: {
        ...spec.TaskTemplate,
        ContainerSpec: { ...spec.TaskTemplate.ContainerSpec, Secrets: [...kept, ...refs] },
      },
    };
  });
}
