// Use case (admins only): start, stop, restart or delete many workspaces at once — a selection or everything a
// filter matches — through the SAME use cases as one workspace's buttons, with the admin as actor (the owner stays
// the owner), a few at a time (ADMIN_BULK_CONCURRENCY), a result per workspace, and ONE audit event with the items.
// Deleting data takes the typed number of workspaces it deletes.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { type BulkTarget, resolveBulkTargets } from "@/lib/admin/bulk-targets";
import { settled } from "@/lib/admin/each-workspace";
import { mapPool } from "@/lib/admin/map-pool";
import { auditItemsOf } from "@/lib/audit/audit-items";
import { beginAudit } from "@/lib/audit/begin-audit";
import { type AuditEntry, outcomeOf, recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { getEnv } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { BulkAction, BulkWorkspacesInput } from "@/lib/validations/admin-workspaces";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { restartWorkspace } from "@/lib/workspaces/restart-workspace";
import { startWorkspace } from "@/lib/workspaces/start-workspace";
import { stopWorkspace } from "@/lib/workspaces/stop-workspace";

export type BulkItemResult = BulkTarget & { ok: boolean; error?: { code: ErrorCode; message: string } };

export type BulkResult = {
  action: BulkAction;
  delete_data: boolean;
  total: number;
  succeeded: number;
  failed: number;
  results: BulkItemResult[];
};

type Verb = (actor: Actor, workspaceId: string, input: BulkWorkspacesInput) => Promise<unknown>;

const VERBS: Record<BulkAction, Verb> = {
  start: (actor, workspaceId) => startWorkspace({ actor, workspaceId }),
  stop: (actor, workspaceId) => stopWorkspace({ actor, workspaceId }),
  restart: (actor, workspaceId) => restartWorkspace({ actor, workspaceId }),
  delete: (actor, workspaceId, input) =>
    deleteWorkspace({ actor, workspaceId, keepData: !input.delete_data }),
};

function assertConfirmed(input: BulkWorkspacesInput, count: number): void {
  if (input.action !== "delete" || !input.delete_data || count === 0) return;
  if (input.confirm?.trim() === String(count)) return;
  throw new AppError(
    "CONFIRMATION_REQUIRED",
    `Deleting ${count} workspace${count === 1 ? "" : "s"} with their data can't be undone: type ${count} to confirm.`,
  );
}

function runOne(actor: Actor, target: BulkTarget, input: BulkWorkspacesInput): Promise<BulkItemResult> {
  return settled(target, () => VERBS[input.action](actor, target.id, input));
}

export async function bulkWorkspaces({
  actor,
  input,
}: {
  actor: Actor;
  input: BulkWorkspacesInput;
}): Promise<BulkResult> {
  assertAdmin(actor);
  const action = `admin.bulk-${input.action}`;
  const selection = input.ids ? { ids: input.ids.length } : { filter: input.filter ?? {} };
  const target = (count: number) => ({
    type: "workspace",
    name: `${count} workspace${count === 1 ? "" : "s"}`,
  });
  const base = { selection, delete_data: input.delete_data };
  let targets: BulkTarget[];
  try {
    targets = await resolveBulkTargets(input);
    assertConfirmed(input, targets.filter((candidate) => candidate.owner).length);
  } catch (error) {
    await recordAudit(actor, { action, target: target(0), outcome: outcomeOf(error), details: base });
    throw error;
  }
  // Recorded before the first workspace is touched, completed with every item at the end.
  const open = await beginAudit(actor, { action, target: target(targets.length), details: base });
  // The use cases add their own entries here instead of one row each: this action records them as one event.
  const batch: AuditEntry[] = [];
  const results = await mapPool(targets, getEnv().ADMIN_BULK_CONCURRENCY, (one) =>
    runOne({ ...actor, auditBatch: batch }, one, input),
  );
  const failed = results.filter((result) => !result.ok);
  await open.finish(failed[0]?.error?.code ?? "ok", {
    succeeded: results.length - failed.length,
    failed: failed.length,
    // One per result (also for an id that was not found), with what its use case recorded.
    items: auditItemsOf(results, batch, `workspace.${input.action}`),
  });
  return {
    action: input.action,
    delete_data: input.delete_data,
    total: results.length,
    succeeded: results.length - failed.length,
    failed: failed.length,
    results,
  };
}
