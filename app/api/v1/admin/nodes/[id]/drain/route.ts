import { nodeNotFound } from "@/lib/admin/nodes/cluster-nodes";
import { drainNode } from "@/lib/admin/nodes/drain-node";
import { parseInput } from "@/lib/http/parse-input";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";
import { drainNodeQuerySchema, NODE_ID } from "@/lib/validations/admin-nodes";

// POST /api/v1/admin/nodes/[id]/drain?confirm=[hostname] — move its tasks away and place nothing new there (the
// app's own node only with its hostname typed).
export const POST = withAdmin(async (request, { params, actor }) => {
  const id = param(params, "id");
  if (!NODE_ID.test(id)) throw nodeNotFound();
  const query = parseInput(drainNodeQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return json(await drainNode({ actor, id, confirm: query.confirm }));
});
