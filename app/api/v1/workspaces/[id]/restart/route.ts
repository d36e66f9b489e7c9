import { workspaceV1View } from "@/lib/api/v1/workspace-v1-view";
import { json } from "@/lib/http/respond";
import { param, withUser } from "@/lib/http/route";
import { restartWorkspace } from "@/lib/workspaces/restart-workspace";

// POST /api/v1/workspaces/[id]/restart — see lib/api/v1/workspaces.ts (restartWorkspace).
export const POST = withUser(async (_request, { params, actor }) =>
  json(workspaceV1View(await restartWorkspace({ actor, workspaceId: param(params, "id") }))),
);
