// A long verb (a bulk action over up to 1,000 workspaces) is recorded when it begins, as "pending", and completed
// when it ends: a crash or a redeploy half-way leaves a pending event in the log, not changes without any.
import "server-only";
import type { AuditActor } from "@/lib/audit/audit-actor";
import { type AuditEntry, auditRow, recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";

export const PENDING = "pending";

export type OpenAudit = {
  finish: (outcome: string, details: Record<string, unknown>, targetName?: string) => Promise<void>;
};

export async function beginAudit(actor: Actor | AuditActor, entry: AuditEntry): Promise<OpenAudit> {
  const details = entry.details ?? {};
  const row = await getDb()
    .auditEvent.create({
      data: auditRow(actor, { ...entry, outcome: PENDING }),
      select: { id: true },
    })
    .catch((error: unknown) => {
      console.error(`[audit] could not record ${entry.action}:`, (error as Error).message);
      return null;
    });
  return {
    async finish(outcome, more, targetName) {
      const all = { ...details, ...more };
      const target = { ...entry.target, name: targetName ?? entry.target.name };
      // The first write failed: one complete row now, as recordAudit would have written it.
      if (!row) return recordAudit(actor, { ...entry, target, outcome, details: all });
      await getDb()
        .auditEvent.update({
          where: { id: row.id },
          data: { outcome, details: JSON.stringify(all), targetName: target.name ?? "" },
        })
        .catch((error: unknown) =>
          console.error(`[audit] could not complete ${entry.action}:`, (error as Error).message),
        );
    },
  };
}
