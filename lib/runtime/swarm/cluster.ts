// What the manager knows of the cluster, read once per call that needs it: its nodes and our tasks.
import "server-only";
import type Docker from "dockerode";
import { AppError } from "@/lib/errors";
import { dockerCall } from "@/lib/runtime/docker/call";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";
import type { SwarmNode, SwarmService, SwarmTask } from "@/lib/runtime/swarm/shapes";

export async function listNodes(docker: Docker, signal?: AbortSignal): Promise<Map<string, SwarmNode>> {
  const nodes = (await dockerCall(
    "list the Swarm's nodes",
    (opts) => docker.listNodes(opts),
    undefined,
    signal,
  )) as unknown as SwarmNode[];
  return new Map(nodes.map((node) => [node.ID, node]));
}

/** Tasks of these services (all of the Swarm's when none are named), grouped by service id. */
export async function tasksByService(
  docker: Docker,
  serviceIds?: string[],
  signal?: AbortSignal,
): Promise<Map<string, SwarmTask[]>> {
  const filters = serviceIds ? { service: serviceIds } : {};
  // A service named in the filter that is gone (removed a moment ago) makes the engine answer 404: it has no tasks.
  const tasks = ((await dockerCall(
    "list the Swarm's tasks",
    (opts) => orNull(docker.listTasks({ ...opts, filters }), hasStatus(404)),
    undefined,
    signal,
  )) ?? []) as unknown as SwarmTask[];
  const grouped = new Map<string, SwarmTask[]>();
  for (const task of tasks) {
    const list = grouped.get(task.ServiceID) ?? [];
    list.push(task);
    grouped.set(task.ServiceID, list);
  }
  return grouped;
}

export async function inspectService(
  docker: Docker,
  idOrName: string,
  signal?: AbortSignal,
): Promise<SwarmService | null> {
  return (await dockerCall(
    "look up the service",
    (opts) =>
      docker
        .getService(idOrName)
        .inspect(opts)
        .catch((error: { statusCode?: number }) => {
          if (error?.statusCode === 404) return null;
          throw error;
        }),
    undefined,
    signal,
  )) as SwarmService | null;
}

export type SwarmInfo = { NodeID?: string; LocalNodeState?: string; ControlAvailable?: boolean };

/** A manager of an active Swarm: what overlays and RUNTIME=swarm need (docker info's Swarm). */
export function isActiveManager(swarm: SwarmInfo | undefined): boolean {
  return swarm?.LocalNodeState === "active" && swarm.ControlAvailable === true;
}

/** This engine's place in the Swarm; a clear error when it is not a manager of an active one. */
export async function managerInfo(docker: Docker): Promise<{ nodeId: string }> {
  const info = (await dockerCall("reach the Swarm manager", (opts) =>
    (docker.info as unknown as (options: object) => Promise<{ Swarm?: SwarmInfo }>).call(docker, opts),
  )) as { Swarm?: SwarmInfo };
  const swarm = info.Swarm ?? {};
  if (!isActiveManager(swarm) || !swarm.NodeID)
    throw new AppError(
      "CONTAINER_ENGINE_ERROR",
      "RUNTIME=swarm needs DOCKER_HOST to be a manager of an active Swarm (docker swarm init), and this engine is not one.",
    );
  return { nodeId: swarm.NodeID };
}
