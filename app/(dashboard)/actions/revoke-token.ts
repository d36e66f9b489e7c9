"use server";

import { revalidatePath } from "next/cache";
import { parseId } from "@/lib/http/parse-input";
import { type ActionResult, userAction } from "@/lib/http/safe-action";
import { revokeToken, tokenNotFound } from "@/lib/tokens/revoke-token";
import type { TokenView } from "@/lib/tokens/token-view";

// Server action: Revoke on Settings → API tokens, after its confirmation. Another's token is not found.
export async function revokeTokenAction(id: unknown): Promise<ActionResult<TokenView>> {
  return userAction(async (actor) => {
    const result = await revokeToken({ actor, tokenId: parseId(id, tokenNotFound) });
    revalidatePath("/settings/tokens");
    revalidatePath("/admin/tokens");
    return result;
  });
}
