"use server";

import { revalidatePath } from "next/cache";
import type { AdminTemplateView } from "@/lib/admin/admin-template-view";
import { templateNotFound } from "@/lib/admin/find-admin-template";
import { updateTemplate } from "@/lib/admin/update-template";
import { AppError } from "@/lib/errors";
import { parseId, parseInput } from "@/lib/http/parse-input";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";
import { templatePatchSchema } from "@/lib/validations/template";

// Admin server action: the edit-template form — the same schema and use case as PATCH /api/v1/admin/templates/[id].
export async function updateTemplateAction(
  id: unknown,
  input: unknown,
): Promise<ActionResult<AdminTemplateView>> {
  return adminAction(async (actor) => {
    const { enabled, ...fields } = parseInput(templatePatchSchema, input);
    if (enabled !== undefined)
      throw new AppError("VALIDATION_FAILED", "Enable or disable a template with its own button.");
    const result = await updateTemplate({ actor, templateId: parseId(id, templateNotFound), input: fields });
    revalidatePath("/admin/templates");
    return result;
  });
}
