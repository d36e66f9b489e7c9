import { getDefaults } from "@/lib/admin/get-defaults";
import { updateDefaults } from "@/lib/admin/update-defaults";
import { defaultsInputSchema } from "@/lib/defaults/defaults";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";

// GET /api/v1/admin/defaults — the container defaults: environment, stored override and in effect, and the
// settings that stay the environment's.
export const GET = withAdmin(async (_request, { actor }) => json(await getDefaults({ actor })));

// PUT /api/v1/admin/defaults — { CONTAINER_MEMORY: "1g", ... }: the whole override (left out: the environment's;
// {} resets all). The seeded templates that follow the settings are written again.
export const PUT = withAdmin(async (request, { actor }) => {
  const override = await readJson(request, defaultsInputSchema);
  return json(await updateDefaults({ actor, override }));
});
