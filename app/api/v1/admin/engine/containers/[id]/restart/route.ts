import { restartContainer } from "@/lib/engine/containers/restart-container";
import { confirmOf } from "@/lib/http/confirm-input";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";
import { parseContainerRef } from "@/lib/validations/engine-containers";

// POST /api/v1/admin/engine/containers/[id]/restart?confirm=[name] — restart it (the platform's own only with its name
// typed, in the query or a JSON body) → its details.
export const POST = withAdmin(async (request, { params, actor }) => {
  const ref = parseContainerRef(param(params, "id"));
  return json(await restartContainer({ actor, ref, confirm: await confirmOf(request) }));
});
