// Room on the engine for one more start (pure): the memory limits of the running workloads plus the new one within
// the engine's memory (or the configured total) times the overcommit factor, and the engine's free memory above the
// floor. Limits, not usage: a workspace may grow to its limit, so admission plans for it (overcommit says how much
// the platform bets that not all do at once).
export type CapacityInput = {
  /** bytes: CAPACITY_MEMORY, or the engine's memory when that is 0 */
  totalBytes: number;
  overcommit: number;
  /** bytes: the memory limits of running managed workloads and of the starts admitted but not running yet */
  committedBytes: number;
  addingBytes: number;
  /** bytes free on the engine's machine now; null when the runtime can't tell (the floor is not checked) */
  freeBytes: number | null;
  floorBytes: number;
};

export type CapacityRefusal = {
  /** node_memory: the one node a pinned workspace must run on is full (node-capacity.ts). */
  reason: "memory" | "free_memory" | "node_memory";
  message: string;
  retryAfterSeconds: number;
};

/** A retry is worth it once someone's workspace stopped: about as often as the culler looks. */
const RETRY_AFTER_SECONDS = 60;

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

export function capacityRefusal(input: CapacityInput): CapacityRefusal | null {
  const plannable = input.totalBytes * input.overcommit;
  if (input.totalBytes > 0 && input.committedBytes + input.addingBytes > plannable)
    return {
      reason: "memory",
      message: `The server is full: running workspaces hold ${gb(input.committedBytes)} of the ${gb(plannable)} it plans for, and this one needs ${gb(input.addingBytes)}. Try again in a few minutes, or stop a workspace you do not use.`,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    };
  if (input.floorBytes > 0 && input.freeBytes !== null && input.freeBytes < input.floorBytes)
    return {
      reason: "free_memory",
      message: `The server is low on memory right now (${gb(input.freeBytes)} free). Try again in a few minutes.`,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    };
  return null;
}

/** What the admin overview shows: planned for, held by limits, and left. */
export function capacityLeft(input: Pick<CapacityInput, "totalBytes" | "overcommit" | "committedBytes">) {
  const plannable = input.totalBytes * input.overcommit;
  return {
    plannableBytes: plannable,
    committedBytes: input.committedBytes,
    leftBytes: Math.max(0, plannable - input.committedBytes),
  };
}
