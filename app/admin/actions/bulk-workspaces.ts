"use server";

import { revalidatePath } from "next/cache";
import { type BulkResult, bulkWorkspaces } from "@/lib/admin/bulk-workspaces";
import { parseInput } from "@/lib/http/parse-input";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";
import { bulkWorkspacesSchema } from "@/lib/validations/admin-workspaces";

// Server action: the bulk bar of /admin/workspaces — the same use case as POST /api/v1/admin/workspaces/bulk.
export async function bulkWorkspacesAction(input: unknown): Promise<ActionResult<BulkResult>> {
  return adminAction(async (actor) => {
    const result = await bulkWorkspaces({ actor, input: parseInput(bulkWorkspacesSchema, input) });
    revalidatePath("/admin/workspaces");
    return result;
  });
}
