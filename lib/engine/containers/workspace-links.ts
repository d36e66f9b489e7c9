// Which of the engine's containers are this app's, and whose workspace each runs: by the labels the app writes
// (lib/workspaces/labels.ts), looked up in one query for a whole list.
import "server-only";
import { getDb } from "@/lib/db";
import type { WorkspaceLinkView } from "@/lib/engine/containers/container-view";
import { getEnv } from "@/lib/env";
import {
  belongsTo,
  labelKeys,
  MANAGED_BY,
  MANAGED_HELPER,
  readWorkloadKey,
  type WorkloadKey,
} from "@/lib/workspaces/labels";

type Labels = Record<string, string> | null | undefined;

export type Link = { managed: boolean; workspace: WorkspaceLinkView | null };

/** Labelled by this app: a workspace's workload or one of its helpers (a git clone). */
export function isManaged(labels: Labels): boolean {
  const value = labels?.[labelKeys(getEnv().LABEL_PREFIX).managedBy];
  return value === MANAGED_BY || value === MANAGED_HELPER;
}

function keyOf(labels: Labels): WorkloadKey | null {
  const prefix = getEnv().LABEL_PREFIX;
  const key = readWorkloadKey(prefix, labels ?? undefined);
  if (key) return key;
  // A helper names its workspace by id only.
  const id = labels?.[labelKeys(prefix).workspaceId];
  return isManaged(labels) && id ? { workspaceId: id, ownerId: "", name: "" } : null;
}

/** Each list entry's link, in order. */
export async function linksOf(labelsList: Labels[]): Promise<Link[]> {
  const keys = labelsList.map(keyOf);
  const ids = [...new Set(keys.flatMap((key) => (key?.workspaceId ? [key.workspaceId] : [])))];
  const legacy = keys.filter((key): key is WorkloadKey => key !== null && !key.workspaceId);
  const rows = await getDb().workspace.findMany({
    where: {
      OR: [{ id: { in: ids } }, ...legacy.map((key) => ({ ownerId: key.ownerId, name: key.name }))],
    },
    select: { id: true, name: true, ownerId: true, owner: { select: { email: true } } },
  });
  const view = (row: (typeof rows)[number]): WorkspaceLinkView => ({
    id: row.id,
    name: row.name,
    owner_id: row.ownerId,
    owner_email: row.owner.email,
  });
  return labelsList.map((labels, index) => {
    const row = rows.find((candidate) => belongsTo(keys[index] ?? null, candidate));
    return { managed: isManaged(labels), workspace: row ? view(row) : null };
  });
}

export async function linkOf(labels: Labels): Promise<Link> {
  const [link] = await linksOf([labels]);
  return link ?? { managed: false, workspace: null };
}
