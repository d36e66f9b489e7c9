// A launch's progress as server-sent events: the current snapshot first (reconnect-safe), then every step, closed
// once the launch has ended.

import { sseResponse } from "@/lib/http/sse";
import { currentProgress, type Progress, subscribeProgress } from "@/lib/workspaces/launch-progress";

export function progressStream(signal: AbortSignal, key: string): Response {
  return sseResponse(signal, (writer) => {
    const send = (progress: Progress) => {
      writer.send("progress", progress);
      if (progress.status !== "running") writer.close();
    };
    const unsubscribe = subscribeProgress(key, send);
    send(currentProgress(key));
    return unsubscribe;
  });
}
