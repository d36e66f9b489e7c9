// A workload's running task container on its node's own engine: what stats and connections are read from.
import "server-only";
import type Docker from "dockerode";
import { AppError } from "@/lib/errors";
import { inspectService, listNodes, tasksByService } from "@/lib/runtime/swarm/cluster";
import { nodeEngine } from "@/lib/runtime/swarm/node-engines";
import { nodeRef } from "@/lib/runtime/swarm/to-workload";

export type TaskContainer = { engine: Docker; containerId: string } | { unavailable: string } | null;

/** null: nothing runs; `unavailable`: it runs on a node whose engine the settings don't name. */
export async function runningTaskContainer(
  docker: Docker,
  id: string,
  signal?: AbortSignal,
): Promise<TaskContainer> {
  const service = await inspectService(docker, id, signal);
  if (!service) return null;
  const tasks = (await tasksByService(docker, [service.ID], signal)).get(service.ID) ?? [];
  const task = tasks.find(
    (candidate) => candidate.Status.State === "running" && candidate.DesiredState === "running",
  );
  const containerId = task?.Status.ContainerStatus?.ContainerID;
  if (!task?.NodeID || !containerId) return null;
  const nodes = await listNodes(docker, signal);
  const node = nodeRef(nodes.get(task.NodeID), task.NodeID);
  const engine = nodeEngine(task.NodeID, nodes);
  if (!engine)
    return {
      unavailable: `Stats are not available on this runtime for node ${node.hostname}: SWARM_NODE_ENDPOINTS names no engine for it.`,
    };
  return { engine, containerId };
}

export function notAvailable(message: string): AppError {
  return new AppError("NOT_AVAILABLE", message);
}
