import { stopStack } from "@/lib/engine/stacks/stop-stack";
import { parseQuery } from "@/lib/http/parse-query";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";
import { stopStackQuerySchema } from "@/lib/validations/engine-stacks";

// POST /api/v1/admin/engine/stacks/[name]/stop?confirm= — stop its running containers (a protected stack only with
// its name typed as confirm).
export const POST = withAdmin(async (request, { params, actor }) => {
  const query = parseQuery(stopStackQuerySchema, request);
  return json(await stopStack({ actor, name: param(params, "name"), confirm: query.confirm }));
});
