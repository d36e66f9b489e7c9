// Admission before any start: the owner's quotas, the engine's capacity and the concurrent-start limit, decided
// one start at a time in this process (a lock), each admitted start holding a reservation until its launch ends.
// So twenty parallel starts against a quota of three running give exactly three: each one counts the running
// workspaces and the reservations of those still starting. The app runs as one process per database. On a cluster,
// a workspace pinned to a node (its volume lives there) must also fit on that node (node-capacity.ts).
import "server-only";
import { getDb } from "@/lib/db";
import { effectiveDefaults } from "@/lib/defaults/defaults-store";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { type CapacityRefusal, capacityRefusal } from "@/lib/resources/capacity";
import { nodeCapacityRefusal } from "@/lib/resources/node-capacity";
import { quotaExceeded, quotaOf, startRefusal } from "@/lib/resources/quota";
import { bytesOfMb, runningWorkspaces } from "@/lib/resources/resource-use";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { ClusterNode, NodeRef } from "@/lib/runtime/runtime";

type Reservation = {
  workspaceId: string;
  ownerId: string;
  memoryMb: number;
  cpus: number;
  /** The node it must start on (pinned), when known. */
  nodeId?: string;
};
type State = { reservations: Map<string, Reservation>; lock: Promise<unknown> };

// On globalThis: route handlers and server actions may load separate copies of this module.
const store = globalThis as unknown as { spawnerAdmission?: State };
store.spawnerAdmission ??= { reservations: new Map(), lock: Promise.resolve() };
const state = store.spawnerAdmission;

/** Runs `work` when no other admission decision is being made in this process. */
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const run = state.lock.then(work, work);
  state.lock = run.catch(() => {});
  return run;
}

export type StartRequest = {
  /** The launch's key (owner and name): one reservation per launch, released when it ends. */
  key: string;
  workspaceId: string;
  ownerId: string;
  memoryMb: number;
  cpus: number;
  /**
   * It runs already and is about to run with these limits instead (a settings change applied now): checked as if
   * started anew, in place of what it holds.
   */
  replacing?: boolean;
  /** The node it must run on, its volume being there (Workload.pinnedTo on a cluster runtime). */
  node?: NodeRef;
};

/** Admits the start or throws (QUOTA_EXCEEDED 403, RESOURCE_LIMIT_EXCEEDED 503, RATE_LIMITED 429). */
export function admitStart(request: StartRequest): Promise<void> {
  if (state.reservations.has(request.key)) return Promise.resolve();
  return exclusive(async () => {
    const env = getEnv();
    if (state.reservations.size >= env.MAX_CONCURRENT_STARTS)
      throw new AppError(
        "RATE_LIMITED",
        "Many workspaces are starting right now. Try again in a few seconds.",
        { retryAfterSeconds: 5 },
      );
    // Taken before the engine is asked: a launch that ends while the list is read was either still reserved here,
    // or running before the list began (and is in it). Taken after, it could be in neither.
    const reserved = [...state.reservations.values()];
    const runtime = getRuntime();
    // One list of the nodes per admission, and only for a start that is bound to one.
    const pinned = request.node && runtime.nodes ? runtime.nodes() : Promise.resolve(null);
    const [running, owner, defaults, resources, nodes] = await Promise.all([
      runningWorkspaces(),
      getDb().user.findUnique({
        where: { id: request.ownerId },
        select: {
          quotaWorkspaces: true,
          quotaRunning: true,
          quotaMemoryMb: true,
          quotaCpus: true,
        },
      }),
      effectiveDefaults(),
      runtime.resources(),
      pinned,
    ]);
    if (!owner) throw new AppError("USER_NOT_FOUND", "There is no such user.");
    const quota = quotaOf(owner, defaults);
    // Running, and admitted but not running yet: each workspace once.
    const holding = new Map(running.map((workspace) => [workspace.id, workspace]));
    for (const reservation of reserved)
      if (!holding.has(reservation.workspaceId))
        holding.set(reservation.workspaceId, { id: reservation.workspaceId, ...reservation });
    const already = holding.has(request.workspaceId);
    holding.delete(request.workspaceId);
    const mine = [...holding.values()].filter((workspace) => workspace.ownerId === request.ownerId);
    if (!already || request.replacing) {
      const use = {
        running: mine.length,
        memoryMb: mine.reduce((sum, workspace) => sum + workspace.memoryMb, 0),
        cpus: mine.reduce((sum, workspace) => sum + workspace.cpus, 0),
      };
      const refused = startRefusal(quota, use, request);
      if (refused) throw quotaExceeded(refused);
      const full = capacityRefusal({
        totalBytes: env.CAPACITY_MEMORY || resources.memoryBytes,
        overcommit: env.CAPACITY_OVERCOMMIT,
        committedBytes: bytesOfMb(
          [...holding.values()].reduce((sum, workspace) => sum + workspace.memoryMb, 0),
        ),
        addingBytes: bytesOfMb(request.memoryMb),
        freeBytes: resources.freeMemoryBytes,
        floorBytes: env.CAPACITY_FREE_MEMORY_FLOOR,
      });
      if (full) throw capacityExceeded(full);
      const node = nodes?.find((candidate) => candidate.id === request.node?.id);
      const nodeFull = node && nodeRefusal(node, [...holding.values()], env.CAPACITY_OVERCOMMIT, request);
      if (nodeFull) throw capacityExceeded(nodeFull, node.hostname);
    }
    state.reservations.set(request.key, {
      workspaceId: request.workspaceId,
      ownerId: request.ownerId,
      memoryMb: request.memoryMb,
      cpus: request.cpus,
      ...(request.node ? { nodeId: request.node.id } : {}),
    });
  });
}

/** What already holds memory on the node (running there, or admitted to start there) against what it plans for. */
function nodeRefusal(
  node: ClusterNode,
  holding: { memoryMb: number; nodeId?: string }[],
  overcommit: number,
  request: StartRequest,
): CapacityRefusal | null {
  const there = holding.filter((workspace) => workspace.nodeId === node.id);
  return nodeCapacityRefusal({
    hostname: node.hostname,
    totalBytes: node.memoryBytes,
    overcommit,
    committedBytes: bytesOfMb(there.reduce((sum, workspace) => sum + workspace.memoryMb, 0)),
    addingBytes: bytesOfMb(request.memoryMb),
  });
}

function capacityExceeded(full: CapacityRefusal, node?: string): AppError {
  return new AppError("RESOURCE_LIMIT_EXCEEDED", full.message, {
    retryAfterSeconds: full.retryAfterSeconds,
    data: node ? { reason: full.reason, node } : { reason: full.reason },
  });
}

/** The launch ended (running, or failed): what it holds is counted from the runtime from now on. */
export function releaseStart(key: string): void {
  state.reservations.delete(key);
}
