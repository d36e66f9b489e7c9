"use server";

import { revalidatePath } from "next/cache";
import { parseId } from "@/lib/http/parse-input";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";
import { revokeToken, tokenNotFound } from "@/lib/tokens/revoke-token";
import type { TokenView } from "@/lib/tokens/token-view";

// Admin server action: Revoke on /admin/tokens — anyone's token, by the same use case as the owner's own revoke.
export async function revokeUserTokenAction(id: unknown): Promise<ActionResult<TokenView>> {
  return adminAction(async (actor) => {
    const result = await revokeToken({ actor, tokenId: parseId(id, tokenNotFound) });
    revalidatePath("/admin/tokens");
    revalidatePath("/settings/tokens");
    return result;
  });
}
