// The cluster for admins: every node with its resources and what our workloads hold there, drain and activate, and
// the command a new worker joins with.
import "server-only";
import type Docker from "dockerode";
import { AppError } from "@/lib/errors";
import { dockerCall } from "@/lib/runtime/docker/call";
import type { ClusterNode, NodeAvailability } from "@/lib/runtime/runtime";
import { listNodes, managerInfo, tasksByService } from "@/lib/runtime/swarm/cluster";
import { loadByNode } from "@/lib/runtime/swarm/load";
import { RUNTIME_LABELS } from "@/lib/runtime/swarm/names";
import { listServices } from "@/lib/runtime/swarm/services";
import { nodeStatus } from "@/lib/runtime/swarm/to-workload";

export async function clusterNodes(docker: Docker): Promise<ClusterNode[]> {
  const [nodes, services, tasks, self] = await Promise.all([
    listNodes(docker),
    listServices(docker, { [RUNTIME_LABELS.name]: true }),
    tasksByService(docker),
    managerInfo(docker),
  ]);
  const use = loadByNode(services, tasks);
  return [...nodes.values()]
    .map((node) => {
      const held = use.get(node.ID);
      return {
        id: node.ID,
        hostname: node.Description?.Hostname ?? node.ID,
        role: node.Spec.Role,
        self: node.ID === self.nodeId,
        leader: node.ManagerStatus?.Leader === true,
        availability: node.Spec.Availability,
        status: nodeStatus(node),
        address: node.Status.Addr ?? "",
        engineVersion: node.Description?.Engine?.EngineVersion ?? "",
        cpus: (node.Description?.Resources?.NanoCPUs ?? 0) / 1e9,
        memoryBytes: node.Description?.Resources?.MemoryBytes ?? 0,
        reserved: { cpus: (held?.reservedNanoCpus ?? 0) / 1e9, memoryBytes: held?.reservedMemoryBytes ?? 0 },
        tasks: held?.tasks ?? 0,
        pinned: held?.pinned ?? 0,
      };
    })
    .sort((a, b) => a.hostname.localeCompare(b.hostname));
}

export async function setAvailability(
  docker: Docker,
  nodeId: string,
  availability: NodeAvailability,
): Promise<void> {
  const nodes = await listNodes(docker);
  const node = nodes.get(nodeId);
  if (!node) throw new AppError("NOT_FOUND", "There is no such node in this Swarm.");
  await dockerCall("change the node's availability", (opts) =>
    docker
      .getNode(node.ID)
      .update({ ...opts, version: node.Version.Index, ...node.Spec, Availability: availability }),
  );
}

export async function joinCommand(docker: Docker): Promise<string> {
  const swarm = (await dockerCall("read the Swarm's join token", (opts) =>
    (
      docker.swarmInspect as unknown as (options: object) => Promise<{ JoinTokens?: { Worker?: string } }>
    ).call(docker, opts),
  )) as { JoinTokens?: { Worker?: string } };
  const nodes = await listNodes(docker);
  const self = nodes.get((await managerInfo(docker)).nodeId);
  const address = self?.ManagerStatus?.Addr ?? `${self?.Status.Addr ?? "MANAGER-ADDRESS"}:2377`;
  return `docker swarm join --token ${swarm.JoinTokens?.Worker ?? ""} ${address}`;
}
