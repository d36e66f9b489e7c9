// Use case: the audit log for admins (404 for anyone else): newest first, filtered and paginated in the database.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { type AuditEventView, auditViewOf } from "@/lib/audit/audit-view";
import { type AuditFilter, auditWhere } from "@/lib/audit/audit-where";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";

export type AuditPage = { events: AuditEventView[]; total: number; page: number; pageSize: number };

/** Newest first; the id breaks ties between events of the same millisecond. */
export const NEWEST_FIRST = [{ at: "desc" }, { id: "desc" }] as const;

export async function listAuditEvents({
  actor,
  filter = {},
  page = 1,
  pageSize = 50,
}: {
  actor: Actor;
  filter?: AuditFilter;
  page?: number;
  pageSize?: number;
}): Promise<AuditPage> {
  assertAdmin(actor);
  const where = auditWhere(filter);
  const [rows, total] = await Promise.all([
    getDb().auditEvent.findMany({
      where,
      orderBy: [...NEWEST_FIRST],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    getDb().auditEvent.count({ where }),
  ]);
  return { events: rows.map(auditViewOf), total, page, pageSize };
}
