import { inspectContainer } from "@/lib/engine/containers/inspect-container";
import { removeContainer } from "@/lib/engine/containers/remove-container";
import { parseQuery } from "@/lib/http/parse-query";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";
import { parseContainerRef, removeContainerQuerySchema } from "@/lib/validations/engine-containers";

// GET /api/v1/admin/engine/containers/[id] — one container's details (secret-looking env values masked).
export const GET = withAdmin(async (_request, { params, actor }) =>
  json(await inspectContainer({ actor, ref: parseContainerRef(param(params, "id")) })),
);

// DELETE /api/v1/admin/engine/containers/[id]?force=true&confirm=[name] — remove it (the platform's own only with
// its name typed).
export const DELETE = withAdmin(async (request, { params, actor }) => {
  const ref = parseContainerRef(param(params, "id"));
  const { force, confirm } = parseQuery(removeContainerQuerySchema, request);
  return json(await removeContainer({ actor, ref, force, confirm }));
});
