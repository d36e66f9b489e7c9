// The engine's event stream is one JSON object per line, cut anywhere by the transport: whole lines are parsed and
// handed on; a malformed one is skipped (the reconciler's periodic diff catches anything missed).
export type RawEvent = {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
};

export function onEventLines(stream: NodeJS.ReadableStream, onEvent: (raw: RawEvent) => void): void {
  let buffer = "";
  stream.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.trim()) continue;
      let raw: RawEvent;
      try {
        raw = JSON.parse(line) as RawEvent;
      } catch {
        continue;
      }
      onEvent(raw);
    }
  });
}
