import { startStack } from "@/lib/engine/stacks/start-stack";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";

// POST /api/v1/admin/engine/stacks/[name]/start — start its containers that are not running.
export const POST = withAdmin(async (_request, { params, actor }) =>
  json(await startStack({ actor, name: param(params, "name") })),
);
