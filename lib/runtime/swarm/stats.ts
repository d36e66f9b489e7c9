// Stats and connections of a workload are its task container's, read on that node's engine where it can be reached.
import "server-only";
import type Docker from "dockerode";
import { openConnections as containerConnections } from "@/lib/runtime/docker/connections";
import { readStats, readUsage } from "@/lib/runtime/docker/stats";
import type { UsageSample, WorkloadStats } from "@/lib/runtime/runtime";
import { notAvailable, runningTaskContainer } from "@/lib/runtime/swarm/task-engine";

export async function serviceStats(docker: Docker, id: string): Promise<WorkloadStats> {
  const task = await runningTaskContainer(docker, id);
  if (!task) throw notAvailable("It is not running, so it has no stats.");
  if ("unavailable" in task) throw notAvailable(task.unavailable);
  return readStats(task.engine, task.containerId);
}

export async function serviceUsage(
  docker: Docker,
  id: string,
  signal?: AbortSignal,
): Promise<UsageSample | null> {
  const task = await runningTaskContainer(docker, id, signal);
  if (!task || "unavailable" in task || signal?.aborted) return null;
  return readUsage(task.engine, task.containerId, signal);
}

export async function serviceConnections(
  docker: Docker,
  id: string,
  ports: number[],
): Promise<number | null> {
  const task = await runningTaskContainer(docker, id);
  if (!task || "unavailable" in task) return null;
  return containerConnections(task.engine, task.containerId, ports);
}
