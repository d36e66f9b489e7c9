import { json } from "@/lib/http/respond";
import { param, withUser } from "@/lib/http/route";
import { restartWorkspace } from "@/lib/workspaces/restart-workspace";

// POST /api/workspaces/[id]/restart — restart it (applies a pending change).
export const POST = withUser(async (_request, { params, actor }) =>
  json(await restartWorkspace({ actor, workspaceId: param(params, "id") })),
);
