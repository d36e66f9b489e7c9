"use server";

import { revalidatePath } from "next/cache";
import type { AdminTemplateView } from "@/lib/admin/admin-template-view";
import { createTemplate } from "@/lib/admin/create-template";
import { parseInput } from "@/lib/http/parse-input";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";
import { templateInputSchema } from "@/lib/validations/template";

// Admin server action: the new-template form — the same schema and use case as POST /api/v1/admin/templates.
export async function createTemplateAction(input: unknown): Promise<ActionResult<AdminTemplateView>> {
  return adminAction(async (actor) => {
    const result = await createTemplate({ actor, input: parseInput(templateInputSchema, input) });
    revalidatePath("/admin/templates");
    return result;
  });
}
