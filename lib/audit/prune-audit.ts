// Retention: audit events older than AUDIT_RETENTION_DAYS are deleted, a bounded batch at a time so a long-due
// prune never holds SQLite's write lock for long. Run hourly (and once at start) by the server process.
import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { deleteInBatches } from "@/lib/server/delete-in-batches";
import { logOnceGuard } from "@/lib/server/log-once-guard";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Deletes events older than the retention; returns how many went. */
export async function pruneAudit({
  retentionDays = getEnv().AUDIT_RETENTION_DAYS,
  now = new Date(),
  batchSize = 1000,
}: {
  retentionDays?: number;
  now?: Date;
  batchSize?: number;
} = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const db = getDb();
  return deleteInBatches({
    batchSize,
    find: (take) =>
      db.auditEvent.findMany({
        where: { at: { lt: cutoff } },
        select: { id: true },
        orderBy: { id: "asc" },
        take,
      }),
    remove: (ids) => db.auditEvent.deleteMany({ where: { id: { in: ids } } }),
  });
}

/** The hourly loop; a failure is logged once until it works again (a broken database is seen, not spammed). */
export function startAuditPruning({ intervalMs = HOUR_MS }: { intervalMs?: number } = {}): {
  stop: () => void;
} {
  const guard = logOnceGuard("audit");
  const run = () =>
    guard("pruning old events", async () => {
      const pruned = await pruneAudit();
      if (pruned > 0) console.info(`[audit] pruned ${pruned} event(s) older than the retention`);
    });
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  void run();
  return { stop: () => clearInterval(timer) };
}
