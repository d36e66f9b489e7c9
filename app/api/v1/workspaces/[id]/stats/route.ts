import { json } from "@/lib/http/respond";
import { param, withUser } from "@/lib/http/route";
import { readWorkspaceStats } from "@/lib/workspaces/read-workspace-stats";

// GET /api/v1/workspaces/[id]/stats — one sample: CPU %, memory used / limit, network in / out, processes.
export const GET = withUser(async (_request, { params, actor }) =>
  json(await readWorkspaceStats({ actor, workspaceId: param(params, "id") })),
);
