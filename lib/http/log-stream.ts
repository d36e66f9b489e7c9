// A workload's log as server-sent events ("line", then "end" when it stops), or whole as a text download.
import { sseResponse } from "@/lib/http/sse";
import type { LogHandlers } from "@/lib/workspaces/workspace-logs";

/**
 * "line", then "end" only when the engine ended the log (the workload stopped). A broken stream closes without "end",
 * so the viewer reconnects: the engine pages' viewer from the last line it holds, the workspace's from its tail.
 */
export function logStream(
  signal: AbortSignal,
  follow: (handlers: LogHandlers) => Promise<() => void>,
): Response {
  return sseResponse(signal, (sse) =>
    follow({
      onLine: (line) => sse.send("line", line),
      onEnd: () => {
        sse.send("end", {});
        sse.close();
      },
      onError: () => sse.close(),
    }),
  );
}

export function logDownload({ filename, text }: { filename: string; text: string }): Response {
  return new Response(text, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^a-zA-Z0-9._-]/g, "-")}"`,
      "Cache-Control": "no-store",
    },
  });
}
