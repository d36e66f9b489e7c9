import { setTemplateEnabled } from "@/lib/admin/set-template-enabled";
import { updateTemplate } from "@/lib/admin/update-template";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";
import { templatePatchSchema } from "@/lib/validations/template";

// PATCH /api/v1/admin/templates/[id] — change fields (no running workspace changes), or { enabled } by itself.
export const PATCH = withAdmin(async (request, { params, actor }) => {
  const { enabled, ...fields } = await readJson(request, templatePatchSchema);
  const templateId = param(params, "id");
  if (enabled === undefined) return json(await updateTemplate({ actor, templateId, input: fields }));
  // Two use cases in one request could stop half-way: enabling goes by itself.
  if (Object.values(fields).some((value) => value !== undefined))
    throw new AppError("VALIDATION_FAILED", "Change enabled by itself, apart from the other fields.", {
      fields: { enabled: ["Send enabled alone."] },
    });
  return json(await setTemplateEnabled({ actor, templateId, enabled }));
});
