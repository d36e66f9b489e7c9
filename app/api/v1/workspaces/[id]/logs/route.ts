import { logsQueryV1 } from "@/lib/api/v1/workspace-schemas";
import { parseQuery } from "@/lib/http/parse-query";
import { json } from "@/lib/http/respond";
import { param, withUser } from "@/lib/http/route";
import { readWorkspaceLogTail } from "@/lib/workspaces/workspace-logs";

// GET /api/v1/workspaces/[id]/logs?tail=100 — { lines: [{ stream, text }] }, oldest first.
export const GET = withUser(async (request, { params, actor }) => {
  const { tail } = parseQuery(logsQueryV1, request);
  return json({ lines: await readWorkspaceLogTail({ actor, workspaceId: param(params, "id"), tail }) });
});
