import { parseQuery } from "@/lib/http/parse-query";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";
import { readPlatformHistory } from "@/lib/stats/read-platform-history";
import { statsHistoryQuerySchema } from "@/lib/validations/stats-history";

// GET /api/v1/admin/stats/history?range=hour|day|month — what all workspaces used together, as the sampler recorded.
export const GET = withAdmin(async (request, { actor }) => {
  const { range } = parseQuery(statsHistoryQuerySchema, request);
  return json(await readPlatformHistory({ actor, range }));
});
