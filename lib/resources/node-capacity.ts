// Room on one node for a start that can only run there (pure): on a cluster whose volumes live on one node, a
// workspace pinned to it must fit beside the memory limits of what runs there, within the node's memory times the
// overcommit factor. The platform-wide check (capacity.ts) can pass while the one node it must use is full.
import type { CapacityRefusal } from "@/lib/resources/capacity";

export type NodeCapacityInput = {
  hostname: string;
  /** bytes: the node's memory */
  totalBytes: number;
  overcommit: number;
  /** bytes: memory limits of our workloads running there and of starts admitted there but not running yet */
  committedBytes: number;
  addingBytes: number;
};

const RETRY_AFTER_SECONDS = 60;

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

export function nodeCapacityRefusal(input: NodeCapacityInput): CapacityRefusal | null {
  const plannable = input.totalBytes * input.overcommit;
  // A node that reports no memory can't be judged: leave it to the scheduler.
  if (input.totalBytes <= 0 || input.committedBytes + input.addingBytes <= plannable) return null;
  return {
    reason: "node_memory",
    message: `Node ${input.hostname}, where this workspace's data lives, is full: workspaces running there hold ${gb(input.committedBytes)} of the ${gb(plannable)} it plans for, and this one needs ${gb(input.addingBytes)}. Try again in a few minutes, or stop a workspace on ${input.hostname}.`,
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  };
}
