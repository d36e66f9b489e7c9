// Every workload and volume the app makes carries these labels; anything without them does not exist for the app.
// Containers made before workspaces existed carry owner-id and type instead of a workspace id: still ours.
export const MANAGED_BY = "spawner";
/** Helpers (a git clone) are labelled apart, so they never count as a workspace's workload. */
export const MANAGED_HELPER = "spawner-helper";

export function labelKeys(prefix: string) {
  return {
    managedBy: `${prefix}.managed-by`,
    workspaceId: `${prefix}.workspace-id`,
    owner: `${prefix}.owner-id`,
    name: `${prefix}.workspace`,
    template: `${prefix}.template`,
    slug: `${prefix}.slug`,
    /** Before workspaces: the slot a container was made for (dev or prod). */
    legacyType: `${prefix}.type`,
  } as const;
}

export type WorkloadIdentity = {
  workspaceId: string;
  ownerId: string;
  name: string;
  template: string;
  slug: string;
};

export function workloadLabels(prefix: string, who: WorkloadIdentity): Record<string, string> {
  const keys = labelKeys(prefix);
  return {
    [keys.managedBy]: MANAGED_BY,
    [keys.workspaceId]: who.workspaceId,
    [keys.owner]: who.ownerId,
    [keys.name]: who.name,
    [keys.template]: who.template,
    [keys.slug]: who.slug,
  };
}

export function volumeLabels(prefix: string, who: { workspaceId: string; ownerId: string }) {
  const keys = labelKeys(prefix);
  return { [keys.managedBy]: MANAGED_BY, [keys.workspaceId]: who.workspaceId, [keys.owner]: who.ownerId };
}

export function helperLabels(prefix: string, who: { workspaceId: string; ownerId: string }) {
  const keys = labelKeys(prefix);
  return { [keys.managedBy]: MANAGED_HELPER, [keys.workspaceId]: who.workspaceId, [keys.owner]: who.ownerId };
}

/**
 * Made by this app (its managed-by label): workloads and volumes it runs; `helpers` counts its helpers' objects too.
 * Volumes are only ever labelled MANAGED_BY (helpers mount the workspace's), as the orphans page reads them.
 */
export function isAppManaged(
  prefix: string,
  labels: Record<string, string>,
  { helpers = false }: { helpers?: boolean } = {},
): boolean {
  const managed = labels[labelKeys(prefix).managedBy];
  return managed === MANAGED_BY || (helpers && managed === MANAGED_HELPER);
}

/** Selector of every workload this app (with this prefix) manages, optionally one owner's. */
export function managedSelector(prefix: string, ownerId?: string): Record<string, string> {
  const keys = labelKeys(prefix);
  return ownerId ? { [keys.managedBy]: MANAGED_BY, [keys.owner]: ownerId } : { [keys.managedBy]: MANAGED_BY };
}

/** Selector of one workspace's helpers (a clone a crashed launch may have left behind). */
export function helperSelector(prefix: string, workspaceId: string): Record<string, string> {
  const keys = labelKeys(prefix);
  return { [keys.managedBy]: MANAGED_HELPER, [keys.workspaceId]: workspaceId };
}

/** Which workspace a workload belongs to: by id, or (made before workspaces) by owner and slot name. */
export type WorkloadKey = { workspaceId: string | null; ownerId: string; name: string };

export function readWorkloadKey(
  prefix: string,
  labels: Record<string, string> | undefined,
): WorkloadKey | null {
  const keys = labelKeys(prefix);
  if (!labels || labels[keys.managedBy] !== MANAGED_BY) return null;
  const ownerId = labels[keys.owner];
  const name = labels[keys.name] ?? labels[keys.legacyType];
  if (!ownerId || !name) return null;
  return { workspaceId: labels[keys.workspaceId] ?? null, ownerId, name };
}

/** Does this workload belong to this workspace? Its id label decides; a legacy one matches by owner and name. */
export function belongsTo(
  key: WorkloadKey | null,
  workspace: { id: string; ownerId: string; name: string },
): boolean {
  if (!key) return false;
  if (key.workspaceId) return key.workspaceId === workspace.id;
  return key.ownerId === workspace.ownerId && key.name === workspace.name;
}
