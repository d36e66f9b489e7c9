"use server";

import { revalidatePath } from "next/cache";
import { orphanVolumeNotFound } from "@/lib/admin/find-orphan";
import { removeOrphanVolume } from "@/lib/admin/remove-orphan-volume";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";
import { VOLUME_NAME } from "@/lib/validations/admin-users";

// Server action: Remove on the orphans page's volumes — DELETE /api/v1/admin/orphans/volumes/[name].
export async function removeOrphanVolumeAction(
  name: unknown,
  confirm: unknown,
): Promise<ActionResult<{ removed: true; name: string }>> {
  return adminAction(async (actor) => {
    if (typeof name !== "string" || !VOLUME_NAME.test(name)) throw orphanVolumeNotFound();
    const typed = typeof confirm === "string" ? confirm.slice(0, 300) : "";
    const result = await removeOrphanVolume({ actor, name, confirm: typed });
    revalidatePath("/admin/orphans");
    return result;
  });
}
