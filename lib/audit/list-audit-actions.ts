// Use case: the actions recorded so far (admins only), suggested by the audit log's action filter.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/authorize";
import { adminNotFound } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

export async function listAuditActions({ actor }: { actor: Actor }): Promise<string[]> {
  if (!isAdmin(actor)) throw adminNotFound();
  const rows = await getDb().auditEvent.findMany({
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((row) => row.action);
}
