import { getStack } from "@/lib/engine/stacks/get-stack";
import { removeStack } from "@/lib/engine/stacks/remove-stack";
import { parseQuery } from "@/lib/http/parse-query";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";
import { removeStackQuerySchema } from "@/lib/validations/engine-stacks";

// GET /api/v1/admin/engine/stacks/[name] — one stack: its services and their containers, networks, volumes.
export const GET = withAdmin(async (_request, { params, actor }) =>
  json(await getStack({ actor, name: param(params, "name") })),
);

// DELETE /api/v1/admin/engine/stacks/[name]?volumes=&confirm= — remove its containers and networks (its volumes
// only with volumes=true; a protected stack only with its name typed as confirm).
export const DELETE = withAdmin(async (request, { params, actor }) => {
  const query = parseQuery(removeStackQuerySchema, request);
  return json(
    await removeStack({
      actor,
      name: param(params, "name"),
      volumes: query.volumes === "true",
      confirm: query.confirm,
    }),
  );
});
