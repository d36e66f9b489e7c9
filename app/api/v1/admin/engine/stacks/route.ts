import { deployStack } from "@/lib/engine/stacks/deploy-stack";
import { listStacks } from "@/lib/engine/stacks/list-stacks";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";
import { DEPLOY_BODY_BYTES, deployStackSchema } from "@/lib/validations/engine-stacks";

// GET /api/v1/admin/engine/stacks — the Compose tool (or why there is none) and every stack on the engine.
export const GET = withAdmin(async (_request, { actor }) => json(await listStacks({ actor })));

// POST /api/v1/admin/engine/stacks — deploy { name, compose } as a Compose project (validated before it runs).
export const POST = withAdmin(async (request, { actor }) => {
  const input = await readJson(request, deployStackSchema, DEPLOY_BODY_BYTES);
  return json(await deployStack({ actor, name: input.name, compose: input.compose }), 201);
});
