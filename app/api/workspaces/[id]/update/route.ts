import { json } from "@/lib/http/respond";
import { param, withUser } from "@/lib/http/route";
import { applyTemplateUpdate } from "@/lib/workspaces/apply-template-update";

// POST /api/workspaces/[id]/update — re-create it from its template's current version (data kept): a running one
// runs again once ready, a stopped one is re-created at its next start.
export const POST = withUser(async (_request, { params, actor }) =>
  json(await applyTemplateUpdate({ actor, workspaceId: param(params, "id") })),
);
