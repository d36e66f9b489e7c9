// Audit events as CSV (RFC 4180): every cell quoted, quotes doubled, and a cell a spreadsheet would run as a
// formula (starting with = + - @, or a tab or carriage return) prefixed with ' so it stays text.
import type { AuditEventView } from "@/lib/audit/audit-view";

export const AUDIT_CSV_HEADER = [
  "time",
  "actor_id",
  "actor_email",
  "via",
  "ip",
  "action",
  "target_type",
  "target_id",
  "target_name",
  "owner_id",
  "owner_email",
  "outcome",
  "details",
];

export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export function auditCsvLine(event: AuditEventView): string {
  return csvLine([
    event.at,
    event.actor.id ?? "",
    event.actor.email,
    event.actor.via,
    event.actor.ip,
    event.action,
    event.target.type,
    event.target.id,
    event.target.name,
    event.owner?.id ?? "",
    event.owner?.email ?? "",
    event.outcome,
    JSON.stringify(event.details),
  ]);
}
