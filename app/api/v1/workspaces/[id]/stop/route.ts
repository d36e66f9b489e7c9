import { workspaceV1View } from "@/lib/api/v1/workspace-v1-view";
import { json } from "@/lib/http/respond";
import { param, withUser } from "@/lib/http/route";
import { stopWorkspace } from "@/lib/workspaces/stop-workspace";

// POST /api/v1/workspaces/[id]/stop — see lib/api/v1/workspaces.ts (stopWorkspace).
export const POST = withUser(async (_request, { params, actor }) =>
  json(workspaceV1View(await stopWorkspace({ actor, workspaceId: param(params, "id") }))),
);
