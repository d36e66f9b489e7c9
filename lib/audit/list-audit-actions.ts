// Use case: the actions recorded so far (admins only), suggested by the audit log's action filter.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";

export async function listAuditActions({ actor }: { actor: Actor }): Promise<string[]> {
  assertAdmin(actor);
  const rows = await getDb().auditEvent.findMany({
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((row) => row.action);
}
