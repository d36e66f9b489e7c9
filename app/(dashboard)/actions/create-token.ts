"use server";

import { revalidatePath } from "next/cache";
import { parseInput } from "@/lib/http/parse-input";
import { type ActionResult, userAction } from "@/lib/http/safe-action";
import { createToken } from "@/lib/tokens/create-token";
import type { TokenView } from "@/lib/tokens/token-view";
import { createTokenSchema } from "@/lib/validations/token";

// Server action: the create form of Settings → API tokens. The token itself is in this answer only.
export async function createTokenAction(
  input: unknown,
): Promise<ActionResult<{ token: string; view: TokenView }>> {
  return userAction(async (actor) => {
    const result = await createToken({ actor, input: parseInput(createTokenSchema, input) });
    revalidatePath("/settings/tokens");
    revalidatePath("/admin/tokens");
    return result;
  });
}
