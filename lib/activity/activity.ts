// Activity is what reaches a workspace through the proxy: forward-auth notes each request it lets through here, in
// memory (the hot path does no database write), and the background loop writes the latest time of each workspace
// at most every ACTIVITY_FLUSH_MS. Only proxied requests count: the dashboard and the workspace page asking for
// status never do, so a page left open keeps nothing alive.
import "server-only";
import { getDb } from "@/lib/db";

// On globalThis: the fast path and route handlers may load separate copies of this module.
const store = globalThis as unknown as { spawnerActivity?: Map<string, number> };
store.spawnerActivity ??= new Map();
const pending = store.spawnerActivity;

/** O(1), no I/O: called for every request forward-auth lets through. */
export function noteActivity(workspaceId: string, at = Date.now()): void {
  pending.set(workspaceId, at);
}

/** Activity noted but not written yet (the culler takes it into account, so a flush interval never stops one). */
export function pendingActivity(workspaceId: string): number | undefined {
  return pending.get(workspaceId);
}

/** Writes what was noted since the last flush; a time only ever moves forward. Returns how many it wrote. */
export async function flushActivity(): Promise<number> {
  if (pending.size === 0) return 0;
  const batch = [...pending];
  pending.clear();
  const db = getDb();
  try {
    // One statement per workspace, sequential: SQLite has one writer, and this runs off the request path.
    for (const [id, at] of batch)
      await db.workspace.updateMany({
        where: { id, lastUsedAt: { lt: new Date(at) } },
        data: { lastUsedAt: new Date(at) },
      });
  } catch (error) {
    // Not lost: noted again unless newer activity came in meanwhile.
    for (const [id, at] of batch) if ((pending.get(id) ?? 0) < at) pending.set(id, at);
    throw error;
  }
  return batch.length;
}
