// Use case: every audit event matching a filter (admins only), newest first, read in bounded batches so an export
// of the whole log never holds it in memory. Keyset pages (at, id): rows written meanwhile neither repeat nor shift.
import "server-only";
import type { AuditEvent } from "@prisma/client";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { type AuditEventView, auditViewOf } from "@/lib/audit/audit-view";
import { type AuditFilter, auditWhere } from "@/lib/audit/audit-where";
import { NEWEST_FIRST } from "@/lib/audit/list-audit-events";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";

const BATCH = 500;

/** Checks the actor at once (before a response starts), then yields the events batch by batch. */
export function exportAuditEvents({
  actor,
  filter = {},
}: {
  actor: Actor;
  filter?: AuditFilter;
}): AsyncGenerator<AuditEventView[]> {
  assertAdmin(actor);
  return batches(filter);
}

async function* batches(filter: AuditFilter): AsyncGenerator<AuditEventView[]> {
  const where = auditWhere(filter);
  let after: { at: Date; id: number } | null = null;
  for (;;) {
    const rows: AuditEvent[] = await getDb().auditEvent.findMany({
      where: after
        ? {
            AND: [where, { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] }],
          }
        : where,
      orderBy: [...NEWEST_FIRST],
      take: BATCH,
    });
    if (rows.length > 0) yield rows.map(auditViewOf);
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    after = { at: last.at, id: last.id };
  }
}
