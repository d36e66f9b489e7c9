"use server";

import { revalidatePath } from "next/cache";
import { activateNode } from "@/lib/admin/nodes/activate-node";
import { nodeNotFound } from "@/lib/admin/nodes/cluster-nodes";
import type { NodeView } from "@/lib/admin/nodes/node-view";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";
import { NODE_ID } from "@/lib/validations/admin-nodes";

// Server action: Activate on the nodes page — POST /api/v1/admin/nodes/[id]/activate.
export async function activateNodeAction(id: unknown): Promise<ActionResult<NodeView>> {
  return adminAction(async (actor) => {
    if (typeof id !== "string" || !NODE_ID.test(id)) throw nodeNotFound();
    const result = await activateNode({ actor, id });
    revalidatePath("/admin/nodes");
    return result;
  });
}
