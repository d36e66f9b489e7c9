// Use case: the cluster's nodes for an admin, with what our workloads hold on each; a single engine lists none.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { clusterNodes } from "@/lib/admin/nodes/cluster-nodes";
import { type NodesView, nodeView } from "@/lib/admin/nodes/node-view";
import type { Actor } from "@/lib/auth/actor";

export async function listNodes({ actor }: { actor: Actor }): Promise<NodesView> {
  assertAdmin(actor);
  const { cluster, nodes } = await clusterNodes();
  return { runtime: cluster ? "swarm" : "docker", nodes: nodes.map(nodeView) };
}
