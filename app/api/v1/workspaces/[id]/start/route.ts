import { workspaceV1View } from "@/lib/api/v1/workspace-v1-view";
import { json } from "@/lib/http/respond";
import { param, withUser } from "@/lib/http/route";
import { startWorkspace } from "@/lib/workspaces/start-workspace";

// POST /api/v1/workspaces/[id]/start — see lib/api/v1/workspaces.ts (startWorkspace).
export const POST = withUser(async (_request, { params, actor }) =>
  json(workspaceV1View(await startWorkspace({ actor, workspaceId: param(params, "id") }))),
);
