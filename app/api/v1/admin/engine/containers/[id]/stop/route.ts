import { stopContainer } from "@/lib/engine/containers/stop-container";
import { confirmOf } from "@/lib/http/confirm-input";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";
import { parseContainerRef } from "@/lib/validations/engine-containers";

// POST /api/v1/admin/engine/containers/[id]/stop?confirm=[name] — stop it (the platform's own only with its name
// typed, in the query or a JSON body) → its details.
export const POST = withAdmin(async (request, { params, actor }) => {
  const ref = parseContainerRef(param(params, "id"));
  return json(await stopContainer({ actor, ref, confirm: await confirmOf(request) }));
});
