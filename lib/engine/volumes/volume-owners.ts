// Whose a volume is: a workspace's data (by the app's labels or the database), a kept volume waiting for its owner,
// an orphan still labelled ours, the volume the app itself runs on, or one an operator protected by label. Any of
// these is refused by the engine pages: a user's data goes through its workspace or the orphans page.
import "server-only";
import { getDb } from "@/lib/db";
import { PROTECTED_LABEL } from "@/lib/engine/self";
import { ownObjects } from "@/lib/engine/system/own-objects";
import type { VolumeOwner } from "@/lib/engine/volumes/volume-view";
import { getEnv } from "@/lib/env";
import { isAppManaged, labelKeys } from "@/lib/workspaces/labels";

export type OwnerLookup = (name: string, labels: Record<string, string>) => VolumeOwner | null;

export async function volumeOwners(names: string[]): Promise<OwnerLookup> {
  const db = getDb();
  const [workspaces, kept, own] = await Promise.all([
    db.workspace.findMany({
      where: { volumeName: { in: names } },
      select: { id: true, name: true, volumeName: true, owner: { select: { email: true } } },
    }),
    db.keptVolume.findMany({
      where: { volumeName: { in: names } },
      select: { volumeName: true, workspaceName: true, owner: { select: { email: true } } },
    }),
    ownObjects(),
  ]);
  const byVolume = new Map(workspaces.map((workspace) => [workspace.volumeName, workspace]));
  const keptByVolume = new Map(kept.map((volume) => [volume.volumeName, volume]));
  return (name, labels) => {
    const workspace = byVolume.get(name);
    if (workspace)
      return {
        kind: "workspace",
        workspace_id: workspace.id,
        workspace_name: workspace.name,
        owner_email: workspace.owner.email,
      };
    const keptVolume = keptByVolume.get(name);
    if (keptVolume)
      return { kind: "kept", workspace_name: keptVolume.workspaceName, owner_email: keptVolume.owner.email };
    if (own.volumes.has(name)) return { kind: "app" };
    return ownerByLabels(labels);
  };
}

/** Whose a volume is by its labels alone (all a volume just made has): an orphan of ours, or protected. */
export function ownerByLabels(labels: Record<string, string>): VolumeOwner | null {
  const prefix = getEnv().LABEL_PREFIX;
  if (isAppManaged(prefix, labels))
    return { kind: "orphan", workspace_id: labels[labelKeys(prefix).workspaceId] ?? null };
  if (labels[PROTECTED_LABEL]) return { kind: "label" };
  return null;
}

export function protectionMessage(owner: VolumeOwner): string {
  switch (owner.kind) {
    case "workspace":
      return `This is the data of workspace ${owner.workspace_name} (${owner.owner_email}): delete the workspace with its data instead.`;
    case "kept":
      return `This is ${owner.owner_email}'s kept data of workspace ${owner.workspace_name}: they (or the orphans page) remove it.`;
    case "orphan":
      return "This volume is this app's workspace data: remove it on the orphans page.";
    case "app":
      return "Spawner itself runs on this volume (its database is on it).";
    case "label":
      return `This volume is protected (label ${PROTECTED_LABEL}).`;
  }
}
