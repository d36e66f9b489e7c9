"use server";

import { revalidatePath } from "next/cache";
import { orphanVolumeNotFound } from "@/lib/admin/find-orphan";
import { giveOrphanVolume } from "@/lib/admin/give-orphan-volume";
import { parseInput } from "@/lib/http/parse-input";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";
import { giveVolumeSchema, VOLUME_NAME } from "@/lib/validations/admin-users";
import type { KeptVolumeView } from "@/lib/workspaces/kept-volumes";

// Server action: Give on the orphans page (the recipient by address) — POST …/orphans/volumes/[name]/give.
export async function giveOrphanVolumeAction(
  name: unknown,
  input: unknown,
): Promise<ActionResult<KeptVolumeView>> {
  return adminAction(async (actor) => {
    if (typeof name !== "string" || !VOLUME_NAME.test(name)) throw orphanVolumeNotFound();
    const parsed = parseInput(giveVolumeSchema, input);
    const recipient = parsed.user_id ? { id: parsed.user_id } : { email: parsed.email ?? "" };
    const kept = await giveOrphanVolume({ actor, name, recipient });
    revalidatePath("/admin/orphans");
    return kept;
  });
}
