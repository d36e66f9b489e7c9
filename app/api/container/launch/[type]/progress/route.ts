import { progressStream } from "@/lib/http/progress-stream";
import { param, withUser } from "@/lib/http/route";
import { slotProgressKey } from "@/lib/workspaces/launch-progress-key";

// GET /api/container/launch/[type]/progress — SSE of the caller's dev or prod launch steps (snapshot first).
export const GET = withUser(async (request, { params, actor }) =>
  progressStream(request.signal, slotProgressKey({ actor, type: param(params, "type") })),
);
