import { progressStream } from "@/lib/http/progress-stream";
import { param, withUser } from "@/lib/http/route";
import { workspaceProgressKey } from "@/lib/workspaces/launch-progress-key";

// GET /api/workspaces/[id]/progress — SSE of the workspace's launch steps; reconnect-safe (snapshot first).
export const GET = withUser(async (request, { params, actor }) =>
  progressStream(request.signal, await workspaceProgressKey({ actor, workspaceId: param(params, "id") })),
);
