// Runs a use case and records it once, ok or with the error code it ended with (then rethrows). The body fills
// in what it learns on the way: the target's name and owner once found, what changed.
import "server-only";
import type { AuditActor } from "@/lib/audit/audit-actor";
import { type AuditEntry, type AuditOwner, outcomeOf, recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";

export type AuditDraft = {
  target: AuditEntry["target"];
  owner: AuditOwner | null;
  details: Record<string, unknown>;
  /** Names the workspace acted on (its name and owner) once the use case has found it. */
  workspace: (workspace: { id: string; name: string; owner: AuditOwner }) => void;
};

export async function audited<T>(
  actor: Actor | AuditActor,
  entry: { action: string; target: AuditEntry["target"] },
  work: (draft: AuditDraft) => Promise<T>,
): Promise<T> {
  const draft: AuditDraft = {
    target: { ...entry.target },
    owner: null,
    details: {},
    workspace(workspace) {
      draft.target = { type: "workspace", id: workspace.id, name: workspace.name };
      draft.owner = { id: workspace.owner.id, email: workspace.owner.email };
    },
  };
  const record = (outcome: string) =>
    recordAudit(actor, {
      action: entry.action,
      target: draft.target,
      owner: draft.owner,
      outcome,
      details: draft.details,
    });
  try {
    const result = await work(draft);
    await record("ok");
    return result;
  } catch (error) {
    await record(outcomeOf(error));
    throw error;
  }
}
