import { parseQuery } from "@/lib/http/parse-query";
import { json } from "@/lib/http/respond";
import { param, withUser } from "@/lib/http/route";
import { readWorkspaceHistory } from "@/lib/stats/read-workspace-history";
import { statsHistoryQuerySchema } from "@/lib/validations/stats-history";

// GET /api/v1/workspaces/[id]/stats/history?range=hour|day|month — CPU, memory and network the sampler recorded.
export const GET = withUser(async (request, { params, actor }) => {
  const { range } = parseQuery(statsHistoryQuerySchema, request);
  return json(await readWorkspaceHistory({ actor, workspaceId: param(params, "id"), range }));
});
