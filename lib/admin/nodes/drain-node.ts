// Use case: an admin drains a node: Swarm moves its tasks to other nodes and places nothing new there. Workspaces
// pinned to it by their volume wait until it is active again. Refused for the last node that takes work, and for
// the app's own node without its hostname typed (lib/admin/nodes/node-rules.ts).
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { findClusterNode } from "@/lib/admin/nodes/cluster-nodes";
import { drainRefusal } from "@/lib/admin/nodes/node-rules";
import { type NodeView, nodeView } from "@/lib/admin/nodes/node-view";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { getRuntime } from "@/lib/runtime/get-runtime";

export async function drainNode({
  actor,
  id,
  confirm = "",
}: {
  actor: Actor;
  id: string;
  /** The node's hostname, typed again: needed for the node the app runs on. */
  confirm?: string;
}): Promise<NodeView> {
  return audited(actor, { action: "node.drain", target: { type: "node", id } }, async (draft) => {
    assertAdmin(actor);
    const { node, nodes } = await findClusterNode(id);
    draft.target = { type: "node", id: node.id, name: node.hostname };
    draft.details = { from: node.availability, self: node.self };
    const refused = drainRefusal(nodes, node, confirm);
    if (refused) throw refused;
    await getRuntime().setNodeAvailability?.(node.id, "drain");
    return nodeView({ ...node, availability: "drain" });
  });
}
