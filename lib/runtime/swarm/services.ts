// Workloads as services: create (stopped, pinned to its volume's node), start and stop by scaling 1 and 0, restart
// by forcing a new task, remove with its secrets. Each is safe to repeat, like the Docker runtime's.
import "server-only";
import type Docker from "dockerode";
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
import { removeSecretsOf, secretRefs } from "@/lib/runtime/swarm/secrets";
import { limitsToSwarm, serviceSpecFor } from "@/lib/runtime/swarm/service-spec";
import type { SwarmService } from "@/lib/runtime/swarm/shapes";
import { replicasOf, workloadFromService } from "@/lib/runtime/swarm/to-workload";
import { updateService } from "@/lib/runtime/swarm/update-service";
import { recordVolume, volumeNode } from "@/lib/runtime/swarm/volumes";
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

/** The node a workload's volume pins it to: where the volume lives, or for a new one the node with most room. */
async function placeVolume(docker: Docker, spec: WorkloadSpec): Promise<string | undefined> {
  const volume = spec.volume;
  if (!volume || volume.shared) return undefined;
  const known = await volumeNode(docker, volume.name);
  if (known) return known;
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
  await recordVolume(docker, volume.name, node.ID, volume.labels);
  // Two launches may have recorded at once: the first record wins, for both.
  return (await volumeNode(docker, volume.name)) ?? node.ID;
}

/** Creates the service with no replica (created, not started); null when one of that name exists already. */
export async function createWorkload(docker: Docker, spec: WorkloadSpec): Promise<string | null> {
  await ensureOverlay(docker, spec.network);
  const pinTo = await placeVolume(docker, spec);
  const created = await dockerCall(
    "create the service",
    (opts) =>
      orNull(
        docker.createService({
          ...opts,
          ...serviceSpecFor(spec, { replicas: 0, pinTo }),
        } as object) as Promise<{
          id: string;
        }>,
        hasStatus(409),
      ),
    SLOW_CALL_MS,
  );
  return created?.id ?? null;
}

export async function startWorkload(
  docker: Docker,
  id: string,
  observe?: (phase: StartPhase) => void,
): Promise<void> {
  const after = Date.now();
  const before = await inspectService(docker, id);
  if (!before)
    throw new AppError("CONTAINER_START_FAILED", "The workload disappeared while it was starting.");
  if (replicasOf(before) === 0)
    await updateService(docker, id, (spec) => ({
      ...spec,
      Labels: { ...spec.Labels, [RUNTIME_LABELS.startedAt]: new Date().toISOString() },
      Mode: { Replicated: { Replicas: 1 } },
    }));
  const pinnedTo = before.Spec.Labels?.[RUNTIME_LABELS.node];
  try {
    await waitUntilRunning(docker, before.ID, {
      after: replicasOf(before) === 0 ? after : 0,
      timeoutMs: SLOW_CALL_MS,
      pinnedTo,
      observe,
    });
  } catch (error) {
    // A start that can't be placed or fails does not stay wanted: it would start later, past every check.
    await scaleTo(docker, before.ID, 0).catch(() => {});
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

export async function restartWorkload(docker: Docker, id: string): Promise<void> {
  const after = Date.now();
  const service = await updateService(docker, id, (spec) => ({
    ...spec,
    Labels: { ...spec.Labels, [RUNTIME_LABELS.startedAt]: new Date().toISOString() },
    Mode: { Replicated: { Replicas: 1 } },
    TaskTemplate: { ...spec.TaskTemplate, ForceUpdate: (spec.TaskTemplate.ForceUpdate ?? 0) + 1 },
  }));
  await waitUntilRunning(docker, service.ID, {
    after,
    timeoutMs: SLOW_CALL_MS,
    pinnedTo: service.Spec.Labels?.[RUNTIME_LABELS.node],
  });
}

export async function removeWorkload(docker: Docker, id: string): Promise<void> {
  const service = await inspectService(docker, id);
  if (!service) return;
  await dockerCall(
    "remove the service",
    (opts) => orNull(docker.getService(service.ID).remove(opts), hasStatus(404)),
    SLOW_CALL_MS,
  );
  // As Docker's remove: done when its container is gone (its volume can be removed next).
  await waitUntilNoneRunning(docker, service.ID, STOP_WAIT_MS);
  await removeSecretsOf(docker, service.Spec.Name);
}

export async function updateWorkloadLimits(docker: Docker, id: string, limits: Limits): Promise<void> {
  await updateService(docker, id, (spec) => ({
    ...spec,
    TaskTemplate: {
      ...spec.TaskTemplate,
      Resources: { ...spec.TaskTemplate.Resources, Limits: limitsToSwarm(limits) },
    },
  }));
}

/** Secret files become the service's Swarm secrets (it has not started yet: no task sees them half-written). */
export async function attachSecretFiles(docker: Docker, id: string, files: FileEntry[]): Promise<void> {
  const only = files.filter((entry): entry is Extract<FileEntry, { type: "file" }> => entry.type === "file");
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
