// What the reconciler follows on a Swarm: the manager's service and node events, and task changes — which the
// Engine API has no events for — seen by reading the tasks every TASK_POLL_MS and reporting when they changed.
import "server-only";
import type Docker from "dockerode";
import { openDockerStream } from "@/lib/runtime/docker/call";
import { onEventLines } from "@/lib/runtime/docker/event-lines";
import type { LabelSelector, WorkloadEvent } from "@/lib/runtime/runtime";
import { tasksByService } from "@/lib/runtime/swarm/cluster";

const TASK_POLL_MS = 2000;
const ACTIONS: Record<string, WorkloadEvent["action"]> = { create: "create", remove: "destroy" };

export async function watchSwarm(
  docker: Docker,
  _selector: LabelSelector,
  handlers: { onEvent: (event: WorkloadEvent) => void; onClose: () => void },
): Promise<() => void> {
  // Service events carry no labels (only the name): every one is passed on; the reconciler's diff sorts them.
  const { stream, end } = await openDockerStream("watch the Swarm's events", (abortSignal) =>
    docker.getEvents({ filters: { type: ["service", "node"] }, abortSignal } as Parameters<
      Docker["getEvents"]
    >[0]),
  );
  let closed = false;
  let digest = "";
  const poll = setInterval(() => {
    void tasksByService(docker)
      .then((tasks) => {
        const next = [...tasks.values()]
          .flat()
          .map((task) => `${task.ID}:${task.Status.State}:${task.DesiredState}`)
          .sort()
          .join(",");
        if (digest && next !== digest) handlers.onEvent({ action: "other", workloadId: "", labels: {} });
        digest = next;
      })
      .catch(close);
  }, TASK_POLL_MS);
  poll.unref();
  function close() {
    if (closed) return;
    closed = true;
    clearInterval(poll);
    end();
    handlers.onClose();
  }
  onEventLines(stream, (raw) => {
    const action = raw.Type === "service" ? (ACTIONS[raw.Action ?? ""] ?? "other") : "other";
    handlers.onEvent({ action, workloadId: raw.Actor?.ID ?? "", labels: {} });
  });
  stream.on("end", close);
  stream.on("error", close);
  return close;
}
