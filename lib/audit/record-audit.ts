// Writes one audit event. Called by the use case that made (or was refused) the change, after the fact: a failed
// write is logged, never thrown, so the history can't turn a finished stop into an error.
import "server-only";
import { type AuditActor, auditActorOf } from "@/lib/audit/audit-actor";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type AuditTarget = { type: string; id?: string; name?: string };
export type AuditOwner = { id: string; email: string };

export type AuditEntry = {
  action: string;
  target: AuditTarget;
  owner?: AuditOwner | null;
  /** "ok" (the default) or the error code it ended with. */
  outcome?: string;
  /** What changed: field names, counts, a bulk action's items. Never secret values. */
  details?: Record<string, unknown>;
};

/** The code an error ends an audited action with: ours, or INTERNAL for anything unexpected. */
export function outcomeOf(error: unknown): string {
  return error instanceof AppError ? error.code : "INTERNAL";
}

export async function recordAudit(actor: Actor | AuditActor, entry: AuditEntry): Promise<void> {
  if ("auditBatch" in actor && actor.auditBatch) {
    actor.auditBatch.push({ ...entry, outcome: entry.outcome ?? "ok" });
    return;
  }
  try {
    await getDb().auditEvent.create({ data: auditRow(actor, entry) });
  } catch (error) {
    console.error(`[audit] could not record ${entry.action}:`, (error as Error).message);
  }
}

/** The row an entry is stored as: actor and owner copied, details as JSON. */
export function auditRow(actor: Actor | AuditActor, entry: AuditEntry) {
  const who = auditActorOf(actor);
  return {
    actorId: who.id,
    actorEmail: who.email,
    via: who.via,
    ip: who.ip,
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id ?? "",
    targetName: entry.target.name ?? "",
    ownerId: entry.owner?.id ?? null,
    ownerEmail: entry.owner?.email ?? "",
    outcome: entry.outcome ?? "ok",
    // Which token acted: after a leak, what it did can be told from what its owner's other tokens did.
    details: JSON.stringify(
      tokenOf(actor) ? { ...entry.details, token_id: tokenOf(actor) } : (entry.details ?? {}),
    ),
  };
}

function tokenOf(actor: Actor | AuditActor): string | undefined {
  return "tokenId" in actor ? actor.tokenId : undefined;
}
