// A verb over many workspaces (a bulk action, disabling or deleting an account) is one audit event; these are its
// items: one per workspace, how it ended, and what its use case recorded in the batch (lib/auth/actor.ts
// auditBatch). A workspace's History finds its own item here (lib/audit/list-workspace-history.ts).
import type { AuditEntry } from "@/lib/audit/record-audit";

export type AuditItem = {
  id: string;
  name: string;
  owner: { id: string; email: string } | null;
  action: string;
  outcome: string;
  details: Record<string, unknown>;
};

type Result = { id: string; name: string; ok: boolean; error?: { code: string } };

export function auditItemsOf(results: Result[], batch: readonly AuditEntry[], action: string): AuditItem[] {
  const recorded = new Map(batch.map((entry) => [entry.target.id ?? "", entry]));
  return results.map((result) => {
    const entry = recorded.get(result.id);
    return {
      id: result.id,
      name: result.name || entry?.target.name || "",
      owner: entry?.owner ?? null,
      action: entry?.action ?? action,
      outcome: result.ok ? "ok" : (result.error?.code ?? entry?.outcome ?? "INTERNAL"),
      details: entry?.details ?? {},
    };
  });
}
