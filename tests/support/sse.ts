// A minimal server-sent-events client over fetch, for reading the app's streams in tests.
export type SseEvent = { event: string; data: unknown };

export type SseReader = {
  status: number;
  contentType: string;
  events: SseEvent[];
  waitFor: (match: (event: SseEvent) => boolean, timeoutMs?: number) => Promise<SseEvent>;
  close: () => void;
  ended: Promise<void>;
};

/** GET by default; `body` is sent as JSON (a POST that answers a stream, such as an image pull). */
export async function openSse(
  url: string,
  cookie: string,
  { method = "GET", body }: { method?: string; body?: unknown } = {},
): Promise<SseReader> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method,
    headers: {
      cookie,
      accept: "text/event-stream",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: controller.signal,
  });
  if (!response.ok || !response.body)
    throw new Error(`SSE ${url} answered ${response.status}: ${await response.text()}`);
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        const blocks = buffer.split("\n\n");
        buffer = blocks.pop() ?? "";
        for (const block of blocks) {
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
        for (const wake of waiters) wake();
      }
    } catch {
      // Aborted by close().
    } finally {
      for (const wake of waiters) wake();
    }
  })();
  let finished = false;
  void ended.then(() => {
    finished = true;
  });
  const waitFor = (match: (event: SseEvent) => boolean, timeoutMs = 10_000) =>
    new Promise<SseEvent>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`no matching event within ${timeoutMs} ms: ${JSON.stringify(events.slice(-5))}`)),
        timeoutMs,
      );
      const check = () => {
        const found = events.find(match);
        if (found || finished) {
          clearTimeout(timer);
          waiters.delete(check);
          if (found) resolve(found);
          else
            reject(new Error(`stream ended without a matching event: ${JSON.stringify(events.slice(-5))}`));
        }
      };
      waiters.add(check);
      check();
    });
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    events,
    waitFor,
    close: () => controller.abort(),
    ended,
  };
}
