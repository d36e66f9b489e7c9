import { json } from "@/lib/http/respond";
import { param, withUser } from "@/lib/http/route";
import { startWorkspace } from "@/lib/workspaces/start-workspace";

// POST /api/workspaces/[id]/start — make its workload if missing, start it, wait until its app answers.
export const POST = withUser(async (_request, { params, actor }) =>
  json(await startWorkspace({ actor, workspaceId: param(params, "id") })),
);
