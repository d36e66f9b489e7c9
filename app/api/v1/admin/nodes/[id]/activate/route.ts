import { activateNode } from "@/lib/admin/nodes/activate-node";
import { nodeNotFound } from "@/lib/admin/nodes/cluster-nodes";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";
import { NODE_ID } from "@/lib/validations/admin-nodes";

// POST /api/v1/admin/nodes/[id]/activate — let the scheduler place tasks on the node again.
export const POST = withAdmin(async (_request, { params, actor }) => {
  const id = param(params, "id");
  if (!NODE_ID.test(id)) throw nodeNotFound();
  return json(await activateNode({ actor, id }));
});
