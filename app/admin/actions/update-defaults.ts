"use server";

import { revalidatePath } from "next/cache";
import type { DefaultsView } from "@/lib/admin/defaults-view";
import { updateDefaults } from "@/lib/admin/update-defaults";
import { defaultsInputSchema } from "@/lib/defaults/defaults";
import { parseInput } from "@/lib/http/parse-input";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";

// Admin server action: the defaults form (and its reset) — the same schema and use case as PUT /api/v1/admin/defaults.
export async function updateDefaultsAction(input: unknown): Promise<ActionResult<DefaultsView>> {
  return adminAction(async (actor) => {
    const result = await updateDefaults({ actor, override: parseInput(defaultsInputSchema, input) });
    revalidatePath("/admin/defaults");
    revalidatePath("/admin/templates");
    return result;
  });
}
