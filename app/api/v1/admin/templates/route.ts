import { createTemplate } from "@/lib/admin/create-template";
import { listAdminTemplates } from "@/lib/admin/list-admin-templates";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";
import { templateInputSchema } from "@/lib/validations/template";

// GET /api/v1/admin/templates — every template, disabled ones too, with image presence and use: { templates }.
export const GET = withAdmin(async (_request, { actor }) =>
  json({ templates: await listAdminTemplates({ actor }) }),
);

// POST /api/v1/admin/templates — create one (its image must be on the engine): 201 with the template.
export const POST = withAdmin(async (request, { actor }) => {
  const input = await readJson(request, templateInputSchema);
  return json(await createTemplate({ actor, input }), 201);
});
