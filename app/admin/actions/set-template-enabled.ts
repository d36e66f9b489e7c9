"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { AdminTemplateView } from "@/lib/admin/admin-template-view";
import { templateNotFound } from "@/lib/admin/find-admin-template";
import { setTemplateEnabled } from "@/lib/admin/set-template-enabled";
import { parseId, parseInput } from "@/lib/http/parse-input";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";

// Admin server action: Disable / Enable on a template's row — the same use case as PATCH …/templates/[id] { enabled }.
export async function setTemplateEnabledAction(
  id: unknown,
  enabled: unknown,
): Promise<ActionResult<AdminTemplateView>> {
  return adminAction(async (actor) => {
    const result = await setTemplateEnabled({
      actor,
      templateId: parseId(id, templateNotFound),
      enabled: parseInput(z.boolean({ message: "Say true or false." }), enabled),
    });
    revalidatePath("/admin/templates");
    return result;
  });
}
