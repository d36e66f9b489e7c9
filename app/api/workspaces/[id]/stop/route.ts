import { json } from "@/lib/http/respond";
import { param, withUser } from "@/lib/http/route";
import { stopWorkspace } from "@/lib/workspaces/stop-workspace";

// POST /api/workspaces/[id]/stop — stop it (data kept); stopping twice is fine.
export const POST = withUser(async (_request, { params, actor }) =>
  json(await stopWorkspace({ actor, workspaceId: param(params, "id") })),
);
