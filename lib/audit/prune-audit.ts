// Retention: audit events older than AUDIT_RETENTION_DAYS are deleted, a bounded batch at a time so a long-due
// prune never holds SQLite's write lock for long. Run hourly (and once at start) by the server process.
import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

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
  let pruned = 0;
  for (;;) {
    const batch = await getDb().auditEvent.findMany({
      where: { at: { lt: cutoff } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (batch.length === 0) return pruned;
    const { count } = await getDb().auditEvent.deleteMany({
      where: { id: { in: batch.map((row) => row.id) } },
    });
    pruned += count;
    if (batch.length < batchSize) return pruned;
  }
}

/** The hourly loop; a failure is logged once until it works again (a broken database is seen, not spammed). */
export function startAuditPruning({ intervalMs = HOUR_MS }: { intervalMs?: number } = {}): {
  stop: () => void;
} {
  let lastFailure = "";
  const run = () =>
    pruneAudit().then(
      (pruned) => {
        if (pruned > 0) console.info(`[audit] pruned ${pruned} event(s) older than the retention`);
        if (lastFailure) console.info("[audit] pruning works again");
        lastFailure = "";
      },
      (error: unknown) => {
        const message = (error as Error)?.message ?? String(error);
        if (message !== lastFailure)
          console.error(`[audit] pruning old events failed (will try again): ${message}`);
        lastFailure = message;
      },
    );
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  void run();
  return { stop: () => clearInterval(timer) };
}
