"use server";

import { revalidatePath } from "next/cache";
import { orphanWorkloadNotFound } from "@/lib/admin/find-orphan";
import { removeOrphanWorkload } from "@/lib/admin/remove-orphan-workload";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";
import { WORKLOAD_ID } from "@/lib/validations/admin-users";

// Server action: Remove on the orphans page's workloads — DELETE /api/v1/admin/orphans/workloads/[id].
export async function removeOrphanWorkloadAction(
  id: unknown,
): Promise<ActionResult<{ removed: true; id: string }>> {
  return adminAction(async (actor) => {
    if (typeof id !== "string" || !WORKLOAD_ID.test(id)) throw orphanWorkloadNotFound();
    const result = await removeOrphanWorkload({ actor, id });
    revalidatePath("/admin/orphans");
    return result;
  });
}
