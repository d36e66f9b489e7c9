// Docker's event stream for the labelled containers; the caller reconnects when it ends.
import "server-only";
import type Docker from "dockerode";
import { openDockerStream } from "@/lib/runtime/docker/call";
import { labelFilters } from "@/lib/runtime/docker/containers";
import { onEventLines } from "@/lib/runtime/docker/event-lines";
import type { LabelSelector, WorkloadEvent } from "@/lib/runtime/runtime";

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
const KNOWN = new Set<WorkloadEvent["action"]>(["create", "start", "stop", "die", "destroy"]);

/** Streams events until the engine goes away or stop() is called; resolves once the stream is open. */
export async function watchEvents(
  docker: Docker,
  selector: LabelSelector,
  handlers: { onEvent: (event: WorkloadEvent) => void; onClose: () => void },
): Promise<() => void> {
  const filters = { type: ["container"], event: ACTIONS, label: labelFilters(selector) };
  const { stream, end } = await openDockerStream("watch container events", (abortSignal) =>
    docker.getEvents({ filters, abortSignal } as Parameters<Docker["getEvents"]>[0]),
  );
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    end();
    handlers.onClose();
  };
  onEventLines(stream, (raw) => {
    const action = (raw.Action ?? "") as WorkloadEvent["action"];
    handlers.onEvent({
      action: KNOWN.has(action) ? action : "other",
      workloadId: raw.Actor?.ID ?? "",
      labels: raw.Actor?.Attributes ?? {},
    });
  });
  stream.on("end", close);
  stream.on("error", close);
  return close;
}
