// Use case: an admin makes a drained (or paused) node active again: Swarm places new tasks there, and workspaces
// pinned to it start again. Nothing moves back by itself (Swarm does not rebalance).
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { findClusterNode } from "@/lib/admin/nodes/cluster-nodes";
import { type NodeView, nodeView } from "@/lib/admin/nodes/node-view";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { getRuntime } from "@/lib/runtime/get-runtime";

export async function activateNode({ actor, id }: { actor: Actor; id: string }): Promise<NodeView> {
  return audited(actor, { action: "node.activate", target: { type: "node", id } }, async (draft) => {
    assertAdmin(actor);
    const { node } = await findClusterNode(id);
    draft.target = { type: "node", id: node.id, name: node.hostname };
    draft.details = { from: node.availability };
    await getRuntime().setNodeAvailability?.(node.id, "active");
    return nodeView({ ...node, availability: "active" });
  });
}
