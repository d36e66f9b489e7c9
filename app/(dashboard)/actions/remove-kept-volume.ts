"use server";

import { revalidatePath } from "next/cache";
import { parseId } from "@/lib/http/parse-input";
import { type ActionResult, userAction } from "@/lib/http/safe-action";
import { removeKeptVolume, volumeNotFound } from "@/lib/workspaces/kept-volumes";

// Server action: remove a kept data volume for good — DELETE /api/volumes/[id].
export async function removeKeptVolumeAction(id: unknown): Promise<ActionResult<{ removed: true }>> {
  return userAction(async (actor) => {
    const result = await removeKeptVolume({ actor, volumeId: parseId(id, volumeNotFound) });
    revalidatePath("/dashboard");
    return result;
  });
}
