// An audit row as the admin API, the page and the CSV show it (the wire's snake_case, details parsed).
import type { AuditEvent } from "@prisma/client";

export type AuditEventView = {
  id: number;
  at: string;
  actor: { id: string | null; email: string; via: string; ip: string };
  action: string;
  target: { type: string; id: string; name: string };
  owner: { id: string; email: string } | null;
  outcome: string;
  details: Record<string, unknown>;
};

function parseDetails(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export function auditViewOf(row: AuditEvent): AuditEventView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { id: row.actorId, email: row.actorEmail, via: row.via, ip: row.ip },
    action: row.action,
    target: { type: row.targetType, id: row.targetId, name: row.targetName },
    owner: row.ownerId ? { id: row.ownerId, email: row.ownerEmail } : null,
    outcome: row.outcome,
    details: parseDetails(row.details),
  };
}
