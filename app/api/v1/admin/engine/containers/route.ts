import { listContainers } from "@/lib/engine/containers/list-containers";
import { parseQuery } from "@/lib/http/parse-query";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";
import { listContainersQuerySchema } from "@/lib/validations/engine-containers";

// GET /api/v1/admin/engine/containers?all=true — every container on the engine (running ones unless all=true).
export const GET = withAdmin(async (request, { actor }) => {
  const { all } = parseQuery(listContainersQuerySchema, request);
  return json(await listContainers({ actor, all }));
});
