// A service and its tasks as the runtime-neutral Workload: state from the task Swarm wants running, the address
// from that task on the workload network, host-mode ports at its node's address, the node it is pinned to.
import type { Endpoint, NodeRef, NodeStatus, Workload, WorkloadState } from "@/lib/runtime/runtime";
import { RUNTIME_LABELS } from "@/lib/runtime/swarm/names";
import type { SwarmNode, SwarmService, SwarmTask } from "@/lib/runtime/swarm/shapes";

const STARTING = new Set(["new", "pending", "assigned", "accepted", "preparing", "ready", "starting"]);
const ENDED = new Set(["complete", "shutdown", "failed", "rejected", "orphaned", "remove"]);

export function nodeStatus(node: SwarmNode | undefined): NodeStatus {
  const state = node?.Status.State;
  return state === "ready" || state === "down" || state === "disconnected" ? state : "unknown";
}

export function nodeRef(node: SwarmNode | undefined, id: string): NodeRef {
  return {
    id,
    hostname: node?.Description?.Hostname ?? id.slice(0, 12),
    status: nodeStatus(node),
    ...(node ? { availability: node.Spec.Availability } : {}),
  };
}

const newestFirst = (a: SwarmTask, b: SwarmTask) => Date.parse(b.CreatedAt) - Date.parse(a.CreatedAt);

/** The task that stands for the service now: the newest one Swarm wants running, else the newest of all. */
export function currentTask(tasks: SwarmTask[]): SwarmTask | undefined {
  const sorted = [...tasks].sort(newestFirst);
  return sorted.find((task) => task.DesiredState === "running") ?? sorted[0];
}

export const replicasOf = (service: SwarmService) => service.Spec.Mode.Replicated?.Replicas ?? 0;

/** Why the node a workload is pinned to can't take it now (down, or drained or paused), or null when it can. */
export function pinnedNodeAway(pinned: NodeRef | undefined): string | null {
  if (!pinned) return null;
  if (pinned.status !== "ready")
    return `Its data is on node ${pinned.hostname}, which is ${pinned.status}: it starts again when that node is back.`;
  if (pinned.availability && pinned.availability !== "active")
    return `Its data is on node ${pinned.hostname}, which an admin set to ${pinned.availability}: it starts again when that node is active.`;
  return null;
}

/** The scheduler's reason for a task it can't place, in words a person can act on. */
export function waitingReason(task: SwarmTask | undefined, pinned: NodeRef | undefined): string | undefined {
  if (task?.Status.State !== "pending") return undefined;
  const away = pinnedNodeAway(pinned);
  if (away) return away;
  const err = task.Status.Err ?? "";
  if (/insufficient resources/i.test(err))
    return "No node has room for it right now (memory or CPUs reserved).";
  if (/no suitable node/i.test(err))
    return `No node can run it right now (${err.replace(/^no suitable node \(|\)$/g, "")}).`;
  return undefined;
}

function stateOf(service: SwarmService, task: SwarmTask | undefined): WorkloadState {
  const wanted = replicasOf(service) > 0;
  if (!wanted)
    return task && task.Status.State === "running" && task.DesiredState === "running" ? "running" : "stopped";
  if (!task) return "pending";
  if (task.DesiredState === "running") {
    if (task.Status.State === "running") return "running";
    if (STARTING.has(task.Status.State)) return "pending";
  }
  // Swarm replaces a failed task by itself; until a new one is there, this one ended.
  return ENDED.has(task.Status.State) && task.Status.State !== "complete" ? "failed" : "pending";
}

function endpointsOf(
  service: SwarmService,
  task: SwarmTask | undefined,
  node: SwarmNode | undefined,
  network: string,
) {
  const running = task?.Status.State === "running" && task.DesiredState === "running";
  const attachment = task?.NetworksAttachments?.find((entry) => entry.Network?.Spec?.Name === network);
  const address = running ? attachment?.Addresses?.[0]?.split("/")[0] : undefined;
  const declared = (service.Spec.Labels?.[RUNTIME_LABELS.ports] ?? "")
    .split(",")
    .map(Number)
    .filter((port) => Number.isInteger(port) && port > 0);
  const published = new Map<number, number>();
  for (const port of task?.Status.PortStatus?.Ports ?? [])
    if (port.TargetPort && port.PublishedPort) published.set(port.TargetPort, port.PublishedPort);
  const all = new Set([...declared, ...published.keys()]);
  const endpoints: Endpoint[] = [...all].map((port) => {
    const hostPort = published.get(port);
    return {
      port,
      address,
      published:
        running && hostPort && node?.Status.Addr ? { host: node.Status.Addr, port: hostPort } : undefined,
    };
  });
  return endpoints;
}

/** When it last started: its running task's start, else when it was last scaled up (undefined: never). */
function startedAt(labels: Record<string, string>, task: SwarmTask | undefined): Date | undefined {
  if (task?.Status.State === "running" && task.Status.Timestamp) return new Date(task.Status.Timestamp);
  const scaledUp = Date.parse(labels[RUNTIME_LABELS.startedAt] ?? "");
  return Number.isNaN(scaledUp) ? undefined : new Date(scaledUp);
}

export function workloadFromService(
  service: SwarmService,
  tasks: SwarmTask[],
  nodes: Map<string, SwarmNode>,
  network: string,
): Workload {
  const task = currentTask(tasks);
  const labels = service.Spec.Labels ?? {};
  const node = task?.NodeID ? nodes.get(task.NodeID) : undefined;
  const pinId = labels[RUNTIME_LABELS.node];
  const pinnedTo = pinId ? nodeRef(nodes.get(pinId), pinId) : undefined;
  const state = stateOf(service, task);
  const exitCode = task && ENDED.has(task.Status.State) ? task.Status.ContainerStatus?.ExitCode : undefined;
  const container = service.Spec.TaskTemplate.ContainerSpec;
  const waiting = state === "pending" ? waitingReason(task, pinnedTo) : undefined;
  return {
    id: service.ID,
    name: labels[RUNTIME_LABELS.name] ?? service.Spec.Name,
    image: container.Image,
    ...(container.User !== undefined ? { user: { spec: container.User } } : {}),
    state,
    exitCode,
    endpoints: endpointsOf(service, task, node, network),
    labels,
    createdAt: new Date(service.CreatedAt),
    startedAt: startedAt(labels, task),
    ...(task?.NodeID ? { node: nodeRef(node, task.NodeID) } : {}),
    ...(pinnedTo ? { pinnedTo } : {}),
    ...(waiting ? { waiting } : {}),
  };
}
