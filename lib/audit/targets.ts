// What an audit event is about, before the use case has found it: the id the caller asked for (cut short, since a
// refused attempt's id is whatever the caller sent).
import type { AuditTarget } from "@/lib/audit/record-audit";

const MAX_ID = 64;

export function workspaceTarget(id: unknown): AuditTarget {
  return { type: "workspace", id: String(id).slice(0, MAX_ID) };
}

export function volumeTarget(id: unknown): AuditTarget {
  return { type: "volume", id: String(id).slice(0, MAX_ID) };
}
