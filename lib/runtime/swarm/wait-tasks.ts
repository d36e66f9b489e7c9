// Swarm acts later than it answers: scaling, updating and removing return at once and tasks follow. These wait for
// what Docker's own calls wait for (a start until it runs, a stop until it stopped), bounded.
import "server-only";
import type Docker from "dockerode";
import { AppError } from "@/lib/errors";
import type { StartPhase } from "@/lib/runtime/runtime";
import { listNodes, tasksByService } from "@/lib/runtime/swarm/cluster";
import type { SwarmTask } from "@/lib/runtime/swarm/shapes";
import { currentTask, nodeRef, pinnedNodeAway, waitingReason } from "@/lib/runtime/swarm/to-workload";

// A task's state is read this often while a launch waits on it (one small call; the bench measured 100 ms costing
// ~40 ms a launch on average against raw Swarm polled at 20 ms).
const POLL_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// A task the scheduler can't place for this long is reported (no room anywhere may pass: an old task still holds it).
// One that waits for its pinned node, down or drained, is reported at once: that won't pass by itself soon.
const UNPLACEABLE_MS = 10_000;

/**
 * Resolves once a task that is not one of `known` (the tasks before the change) runs; throws with the task's reason
 * when it fails or can't be placed. By task ids, not by time: the manager's clock is not this machine's.
 */
export async function waitUntilRunning(
  docker: Docker,
  serviceId: string,
  options: {
    known: Set<string>;
    timeoutMs: number;
    pinnedTo?: string;
    observe?: (phase: StartPhase) => void;
  },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let reported = "";
  let pendingSince: number | undefined;
  while (Date.now() < deadline) {
    const tasks = ((await tasksByService(docker, [serviceId])).get(serviceId) ?? []).filter(
      (task) => !options.known.has(task.ID),
    );
    const task = currentTask(tasks);
    const state = task?.Status.State;
    if (task?.NodeID && state) {
      const phase: StartPhase["phase"] =
        state === "running"
          ? "running"
          : state === "preparing" || state === "starting"
            ? "preparing"
            : "scheduled";
      if (phase !== reported) {
        reported = phase;
        // The node's name is looked up only when there is something to tell (not on every poll).
        if (options.observe) {
          const node = nodeRef((await listNodes(docker)).get(task.NodeID), task.NodeID).hostname;
          options.observe({ phase, node });
        }
      }
    }
    if (state === "running" && task?.DesiredState === "running") return;
    if (task && (state === "failed" || state === "rejected")) throw startFailed(task);
    if (state === "pending") {
      pendingSince ??= Date.now();
      const pinned = options.pinnedTo
        ? nodeRef((await listNodes(docker)).get(options.pinnedTo), options.pinnedTo)
        : undefined;
      if (pinnedNodeAway(pinned) || Date.now() - pendingSince > UNPLACEABLE_MS) {
        const reason = waitingReason(task, pinned) ?? "No node can run it right now.";
        throw new AppError(
          /room/.test(reason) ? "RESOURCE_LIMIT_EXCEEDED" : "CONTAINER_START_FAILED",
          reason,
        );
      }
    } else pendingSince = undefined;
    await sleep(POLL_MS);
  }
  throw new AppError("CONTAINER_START_FAILED", "The workload did not start in time on the Swarm.");
}

/** A failed task in our words; the engine's own text (paths, runtime messages) goes to the log only. */
function startFailed(task: SwarmTask): AppError {
  const err = task.Status.Err ?? task.Status.Message ?? "";
  console.error(`[runtime] a task of service ${task.ServiceID} failed: ${err}`);
  const image = /No such image: ([^\s"]+)/.exec(err);
  if (image)
    return new AppError(
      "TEMPLATE_IMAGE_NOT_FOUND",
      `The image "${image[1]}" is not on the node the workload was placed on (nor in a registry it can reach).`,
    );
  const exit = /non-zero exit \((\d+)\)/.exec(err);
  if (exit)
    return new AppError(
      "CONTAINER_START_FAILED",
      `The workload's app ended as it started (exit code ${exit[1]}).`,
    );
  return new AppError("CONTAINER_START_FAILED", "The workload's task could not be started on its node.");
}

/** Resolves once none of the service's tasks runs any more (its containers stopped), bounded. */
export async function waitUntilNoneRunning(
  docker: Docker,
  serviceId: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const active = ["running", "starting", "preparing", "assigned", "accepted", "ready"];
  while (Date.now() < deadline) {
    const tasks = ((await tasksByService(docker, [serviceId])).get(serviceId) ?? []).filter((task) =>
      active.includes(task.Status.State),
    );
    if (tasks.length === 0) return;
    // A task on a node that is down reads "running" until that node is back (which then stops it): not waited for.
    const nodes = await listNodes(docker);
    if (tasks.every((task) => task.NodeID && nodes.get(task.NodeID)?.Status.State !== "ready")) return;
    await sleep(POLL_MS);
  }
}
