// Docker's event stream for our labelled containers; the caller reconnects when it ends.
import "server-only";
import { getEnv } from "@/lib/env";
import { openDockerStream } from "@/lib/runtime/docker-call";
import { getDocker } from "@/lib/runtime/docker-client";
import { managedFilter } from "@/lib/runtime/labels";

export type ContainerEvent = { action: string; id: string; labels: Record<string, string> };

const ACTIONS = [
  "create",
  "start",
  "die",
  "stop",
  "kill",
  "destroy",
  "oom",
  "health_status",
  "pause",
  "unpause",
];

/** Streams events until the engine goes away or stop() is called; resolves once the stream is open. */
export async function watchContainerEvents(handlers: {
  onEvent: (event: ContainerEvent) => void;
  onClose: () => void;
}): Promise<() => void> {
  const filters = { type: ["container"], event: ACTIONS, ...managedFilter(getEnv().LABEL_PREFIX) };
  const { stream, end } = await openDockerStream("watch container events", (abortSignal) =>
    getDocker().getEvents({ filters, abortSignal } as Parameters<
      ReturnType<typeof getDocker>["getEvents"]
    >[0]),
  );
  let buffer = "";
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    end();
    handlers.onClose();
  };
  stream.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        const raw = JSON.parse(line) as {
          Action?: string;
          Actor?: { ID?: string; Attributes?: Record<string, string> };
        };
        handlers.onEvent({
          action: raw.Action ?? "",
          id: raw.Actor?.ID ?? "",
          labels: raw.Actor?.Attributes ?? {},
        });
      } catch {
        // A malformed line is skipped; the periodic diff catches anything missed.
      }
    }
  });
  stream.on("end", close);
  stream.on("error", close);
  return close;
}
