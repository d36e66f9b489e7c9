import { createNetwork } from "@/lib/engine/networks/create-network";
import { listNetworks } from "@/lib/engine/networks/list-networks";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";
import { createNetworkSchema } from "@/lib/validations/engine-objects";

// GET /api/v1/admin/engine/networks — every network with its driver, subnets, containers and protection.
export const GET = withAdmin(async (_request, { actor }) =>
  json({ networks: await listNetworks({ actor }) }),
);

// POST /api/v1/admin/engine/networks { name, driver?, internal?, subnet?, labels? } — create one: 201 with it.
export const POST = withAdmin(async (request, { actor }) => {
  const input = await readJson(request, createNetworkSchema);
  return json(await createNetwork({ actor, input }), 201);
});
