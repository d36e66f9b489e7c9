// Server-sent events from a route handler: one writer, closed when the client goes away or the server stops.
import { trackStream } from "@/lib/http/open-streams";

export type SseWriter = { send: (event: string, data: unknown) => void; close: () => void };

type Cleanup = (() => void) | undefined;

/**
 * Starts an event stream. `run` gets a writer and returns a cleanup that runs exactly once, whether
 * the client left (abort), the stream was cancelled, or the source ended on its own (writer.close()).
 */
export function sseResponse(
  signal: AbortSignal,
  run: (writer: SseWriter) => Cleanup | Promise<Cleanup>,
): Response {
  const encoder = new TextEncoder();
  let open = true;
  let cleanup: Cleanup;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let untrack: (() => void) | undefined;
  const enqueue = (text: string) => {
    if (open) controller?.enqueue(encoder.encode(text));
  };
  const finish = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    untrack?.();
    cleanup?.();
    try {
      controller?.close();
    } catch {
      // The runtime already closed it (client gone).
    }
  };
  const writer: SseWriter = {
    send: (event, data) => enqueue(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    close: finish,
  };
  const stream = new ReadableStream<Uint8Array>({
    async start(streamController) {
      controller = streamController;
      // A shutdown ends the stream without an "end" event, so browsers reconnect to the next server.
      untrack = trackStream(finish);
      // Heartbeat comments keep proxies from closing an idle stream.
      heartbeat = setInterval(() => enqueue(": keep-alive\n\n"), 15_000);
      signal.addEventListener("abort", finish, { once: true });
      try {
        const result = await run(writer);
        // The source may have ended (or the client left) while it was starting: clean up now.
        if (open) cleanup = result;
        else result?.();
      } catch {
        writer.send("error", {
          code: "STREAM_FAILED",
          message: "The stream could not be opened. Reload to try again.",
        });
        finish();
      }
      if (signal.aborted) finish();
    },
    cancel: finish,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
