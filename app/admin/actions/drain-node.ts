"use server";

import { revalidatePath } from "next/cache";
import { nodeNotFound } from "@/lib/admin/nodes/cluster-nodes";
import { drainNode } from "@/lib/admin/nodes/drain-node";
import type { NodeView } from "@/lib/admin/nodes/node-view";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";
import { NODE_ID } from "@/lib/validations/admin-nodes";

// Server action: Drain on the nodes page — POST /api/v1/admin/nodes/[id]/drain?confirm=.
export async function drainNodeAction(id: unknown, confirm: unknown): Promise<ActionResult<NodeView>> {
  return adminAction(async (actor) => {
    if (typeof id !== "string" || !NODE_ID.test(id)) throw nodeNotFound();
    const result = await drainNode({ actor, id, confirm: typeof confirm === "string" ? confirm : "" });
    revalidatePath("/admin/nodes");
    return result;
  });
}
