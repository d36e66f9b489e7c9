// Use case: a workspace's recent history for whoever may see it (its owner or an admin; 404 otherwise). Only what
// was done to it as this owner's workspace: a stranger's refused attempt (recorded without an owner) is not shown,
// and a bulk action's event shows here as this workspace's own item. Admins see who acted; the owner sees
// themselves as "you", the system as "Spawner", and any other actor (necessarily an admin) as "an administrator".
import "server-only";
import type { AuditItem } from "@/lib/audit/audit-items";
import { type AuditEventView, auditViewOf } from "@/lib/audit/audit-view";
import { NEWEST_FIRST } from "@/lib/audit/list-audit-events";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db";
import { findVisibleWorkspace } from "@/lib/workspaces/workspace-store";

/** The events whose items are workspaces (lib/audit/audit-items.ts): bulk actions, disabling or deleting an account. */
const MANY_WORKSPACE_VERBS = [
  "admin.bulk-start",
  "admin.bulk-stop",
  "admin.bulk-restart",
  "admin.bulk-delete",
  "user.disable",
  "user.delete",
] as const;

export type HistoryEntry = {
  id: number;
  at: string;
  who: string;
  action: string;
  outcome: string;
  details: Record<string, unknown>;
  /** Part of a bulk action (the event's own action). */
  bulk: string | null;
};

// Items as stored (lib/audit/audit-items.ts); read defensively, since details are JSON from any version.
type Item = Partial<Record<keyof AuditItem, unknown>> & { owner?: { id?: unknown } | null };

export async function listWorkspaceHistory({
  actor,
  workspaceId,
  limit = 20,
}: {
  actor: Actor;
  workspaceId: string;
  limit?: number;
}): Promise<HistoryEntry[]> {
  const workspace = await findVisibleWorkspace(actor, workspaceId);
  const rows = await getDb().auditEvent.findMany({
    where: {
      OR: [
        { targetType: "workspace", targetId: workspace.id, ownerId: workspace.ownerId },
        // A verb over many workspaces is one event naming its items in its details (ids are random, so the text
        // match is exact); only those verbs' events are searched, through the action index.
        {
          action: { in: [...MANY_WORKSPACE_VERBS] },
          targetId: { not: workspace.id },
          details: { contains: `"id":"${workspace.id}"` },
        },
      ],
    },
    orderBy: [...NEWEST_FIRST],
    take: limit,
  });
  const admin = isAdmin(actor);
  const who = (event: AuditEventView) => {
    if (event.actor.id === actor.userId) return "You";
    if (event.actor.via === "system") return "Spawner";
    return admin ? event.actor.email || "an administrator" : "an administrator";
  };
  return rows.flatMap((row): HistoryEntry[] => {
    const event = auditViewOf(row);
    if (event.target.id === workspace.id)
      return [
        {
          id: event.id,
          at: event.at,
          who: who(event),
          action: event.action,
          outcome: event.outcome,
          details: event.details,
          bulk: null,
        },
      ];
    const items = Array.isArray(event.details.items) ? (event.details.items as Item[]) : [];
    const item = items.find(
      (candidate) => candidate?.id === workspace.id && candidate?.owner?.id === workspace.ownerId,
    );
    if (!item) return [];
    const details =
      item.details && typeof item.details === "object" ? (item.details as Record<string, unknown>) : {};
    return [
      {
        id: event.id,
        at: event.at,
        who: who(event),
        action: String(item.action ?? event.action),
        outcome: String(item.outcome ?? event.outcome),
        details,
        bulk: event.action,
      },
    ];
  });
}
