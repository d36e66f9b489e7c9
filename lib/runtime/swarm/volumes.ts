// A local volume lives on one node. Where each one lives is recorded in a Swarm config (the cluster's own small
// store, readable from any manager), so a re-created workspace, or a new one given a kept volume, is pinned to its
// data's node without a database column, and volumes are listed cluster-wide from the manager alone. Removing the
// data itself needs that node's engine (SWARM_NODE_ENDPOINTS).
import "server-only";
import type Docker from "dockerode";
import { AppError } from "@/lib/errors";
import { dockerCall, SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { labelFilters } from "@/lib/runtime/docker/containers";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";
import type { LabelSelector, Volume } from "@/lib/runtime/runtime";
import { inspectService, listNodes } from "@/lib/runtime/swarm/cluster";
import { RUNTIME_LABELS, volumeRecordName } from "@/lib/runtime/swarm/names";
import { nodeEngine } from "@/lib/runtime/swarm/node-engines";
import type { SwarmService } from "@/lib/runtime/swarm/shapes";
import { nodeRef } from "@/lib/runtime/swarm/to-workload";

const RELEASE_WAIT_MS = 20_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Config = { ID: string; CreatedAt?: string; Spec: { Name: string; Labels?: Record<string, string> } };

async function findRecord(docker: Docker, volume: string): Promise<Config | null> {
  const configs = (await dockerCall("look up a volume's node", (opts) =>
    docker.listConfigs({ ...opts, filters: { name: [volumeRecordName(volume)] } }),
  )) as unknown as Config[];
  return configs.find((config) => config.Spec.Labels?.[RUNTIME_LABELS.volume] === volume) ?? null;
}

// A shared volume's record names no node: every node reaches its data.
const SHARED = "shared";

/** Where a recorded volume lives: its node, or null for a shared one; null (no record) for a volume never made. */
export async function volumeRecord(docker: Docker, volume: string): Promise<{ node: string | null } | null> {
  const record = await findRecord(docker, volume);
  if (!record) return null;
  const node = record.Spec.Labels?.[RUNTIME_LABELS.node] ?? SHARED;
  return { node: node === SHARED ? null : node };
}

/** The node a volume lives on, or null when it is shared or was never recorded (a new volume). */
export async function volumeNode(docker: Docker, volume: string): Promise<string | null> {
  return (await volumeRecord(docker, volume))?.node ?? null;
}

/**
 * Records that this volume lives (or will, from its first task) on this node, with the volume's labels; false when
 * a record was there already (another launch made it a moment ago).
 */
export async function recordVolume(
  docker: Docker,
  volume: string,
  nodeId: string | null,
  labels: Record<string, string>,
): Promise<boolean> {
  const made = await dockerCall("record a volume's node", (opts) =>
    orNull(
      docker.createConfig({
        ...opts,
        Name: volumeRecordName(volume),
        Labels: { ...labels, [RUNTIME_LABELS.volume]: volume, [RUNTIME_LABELS.node]: nodeId ?? SHARED },
        Data: Buffer.from(nodeId ?? SHARED).toString("base64"),
      }),
      hasStatus(409),
    ),
  );
  return made !== null;
}

/** The volume options (driver, labels) of the workload that mounts this volume, as its service has them. */
export async function volumeOptionsOf(docker: Docker, volume: string): Promise<unknown> {
  const services = (await dockerCall("list services", (opts) =>
    docker.listServices({ ...opts, filters: { label: [RUNTIME_LABELS.name] } }),
  )) as unknown as SwarmService[];
  for (const service of services)
    for (const mount of service.Spec.TaskTemplate.ContainerSpec.Mounts ?? [])
      if (mount.Type === "volume" && mount.Source === volume) return mount.VolumeOptions;
  return undefined;
}

export async function volumeExists(docker: Docker, volume: string): Promise<boolean> {
  return (await findRecord(docker, volume)) !== null;
}

export async function listVolumes(docker: Docker, selector: LabelSelector): Promise<Volume[]> {
  const configs = (await dockerCall("list volumes", (opts) =>
    docker.listConfigs({ ...opts, filters: { label: [...labelFilters(selector), RUNTIME_LABELS.volume] } }),
  )) as unknown as Config[];
  return configs.map((config) => {
    const {
      [RUNTIME_LABELS.volume]: name = "",
      [RUNTIME_LABELS.node]: _node,
      ...labels
    } = config.Spec.Labels ?? {};
    const created = config.CreatedAt ? new Date(config.CreatedAt) : null;
    return { name, labels, createdAt: created && !Number.isNaN(created.getTime()) ? created : null };
  });
}

/**
 * Stopped task containers of services that are gone (Swarm keeps a few old tasks, and removes their containers in its
 * own time): on the volume's node they would keep it in use. Only those, never a running one or another service's.
 */
async function removeLeftTaskContainers(docker: Docker, engine: Docker, volume: string): Promise<void> {
  const holders = await dockerCall("list the volume's containers", (opts) =>
    engine.listContainers({ ...opts, all: true, filters: { volume: [volume] } }),
  );
  for (const holder of holders) {
    const service = holder.Labels?.["com.docker.swarm.service.id"];
    if (!service || holder.State === "running" || (await inspectService(docker, service))) continue;
    await dockerCall("remove a finished task's container", (opts) =>
      orNull(engine.getContainer(holder.Id).remove({ ...opts, v: false }), hasStatus(404, 409)),
    );
  }
}

/** The engine of the node a recorded volume lives on; a reason instead when the settings name none for it. */
async function volumeEngine(
  docker: Docker,
  record: Config,
  volume: string,
): Promise<{ engine: Docker } | { refusal: string } | { shared: true }> {
  const nodeId = record.Spec.Labels?.[RUNTIME_LABELS.node] ?? SHARED;
  if (nodeId === SHARED) return { shared: true };
  const nodes = await listNodes(docker);
  const node = nodeRef(nodes.get(nodeId), nodeId);
  const engine = nodeEngine(nodeId, nodes);
  if (engine) return { engine };
  return {
    refusal: `This data is on node ${node.hostname}, whose engine the app can't reach (SWARM_NODE_ENDPOINTS names none for it). Keep the data, or remove it there with docker volume rm ${volume}.`,
  };
}

export async function volumeRemovalRefusal(docker: Docker, volume: string): Promise<string | null> {
  const record = await findRecord(docker, volume);
  if (!record) return null;
  const found = await volumeEngine(docker, record, volume);
  return "refusal" in found ? found.refusal : null;
}

/**
 * Removes the volume on one node's engine. A service removed a moment ago still holds it until that node has removed
 * the task's container (Swarm keeps a few old tasks' containers too): those of services that are gone are removed.
 */
async function removeOnNode(docker: Docker, engine: Docker, volume: string): Promise<void> {
  for (const deadline = Date.now() + RELEASE_WAIT_MS; ; await sleep(250)) {
    const inUse = await dockerCall(
      "remove the volume",
      (opts) =>
        orNull(engine.getVolume(volume).remove(opts), hasStatus(404)).then(
          () => false,
          (error: unknown) => {
            if (hasStatus(409)(error)) return true;
            throw error;
          },
        ),
      SLOW_CALL_MS,
    );
    if (!inUse) return;
    await removeLeftTaskContainers(docker, engine, volume);
    if (Date.now() > deadline)
      throw new AppError(
        "CONFLICT",
        "This volume is still in use by a container: remove the container first.",
      );
  }
}

export async function removeVolume(docker: Docker, volume: string): Promise<void> {
  const record = await findRecord(docker, volume);
  if (!record) return;
  const found = await volumeEngine(docker, record, volume);
  if ("refusal" in found) throw new AppError("NOT_AVAILABLE", found.refusal);
  if ("shared" in found) {
    // A shared volume has a Docker volume on every node it ran on: each goes where the app reaches the node. What
    // its storage holds (an NFS export) is the storage's own: Docker never deletes it.
    const nodes = await listNodes(docker);
    for (const node of nodes.values()) {
      // A node that is down keeps its (empty-handed) volume object: nothing of the data is on it.
      const engine = node.Status.State === "ready" ? nodeEngine(node.ID, nodes) : null;
      if (engine) await removeOnNode(docker, engine, volume);
    }
  } else await removeOnNode(docker, found.engine, volume);
  await dockerCall("forget a volume's node", (opts) =>
    orNull(docker.getConfig(record.ID).remove(opts), hasStatus(404)),
  );
}
