// A workload's log as server-sent events ("line", then "end" when it stops), or whole as a text download.
import { sseResponse } from "@/lib/http/sse";
import type { LogHandlers } from "@/lib/workspaces/workspace-logs";

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
    }),
  );
}

/**
 * A log that a viewer resumes: "line", then "end" only when the engine ended it (the container stopped). A broken
 * stream closes without "end", so the viewer reconnects from the last line it holds.
 */
export function resumableLogStream(
  signal: AbortSignal,
  follow: (handlers: LogHandlers & { onError: () => void }) => Promise<() => void>,
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
