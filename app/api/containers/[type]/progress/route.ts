import { launchKey } from "@/lib/containers/in-flight";
import { currentProgress, subscribeProgress } from "@/lib/containers/launch-progress";
import { withUser } from "@/lib/http/route";
import { sseResponse } from "@/lib/http/sse";
import { parseContainerType } from "@/lib/templates/registry";

// GET /api/containers/[type]/progress — SSE of the caller's launch steps; reconnect-safe (snapshot first).
export const GET = withUser(async (request, { params, user }) => {
  const key = launchKey(user.id, parseContainerType(params.type));
  return sseResponse(request.signal, (writer) => {
    const send = (progress: ReturnType<typeof currentProgress>) => {
      writer.send("progress", progress);
      if (progress.status !== "running") writer.close();
    };
    const unsubscribe = subscribeProgress(key, send);
    send(currentProgress(key));
    return unsubscribe;
  });
});
