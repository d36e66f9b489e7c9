import { logDownload, logStream } from "@/lib/http/log-stream";
import { param, withUser } from "@/lib/http/route";
import { downloadWorkspaceLogs, logFollower } from "@/lib/workspaces/workspace-logs";

// GET /api/workspaces/[id]/logs — SSE: the last 200 lines, then new ones; ?download=1 for the whole log.
// Leaving (closing the EventSource) ends the engine's stream.
export const GET = withUser(async (request, { params, actor }) => {
  const workspaceId = param(params, "id");
  if (request.nextUrl.searchParams.get("download") === "1")
    return logDownload(await downloadWorkspaceLogs({ actor, workspaceId }));
  return logStream(request.signal, await logFollower({ actor, workspaceId }));
});
