// Every container the app makes carries these labels; anything without them does not exist for the app.
export const MANAGED_BY = "spawner";

export type OwnershipLabels = { userId: string; type: string; slug: string };

export function labelKeys(prefix: string) {
  return {
    managedBy: `${prefix}.managed-by`,
    owner: `${prefix}.owner-id`,
    type: `${prefix}.type`,
    slug: `${prefix}.slug`,
  } as const;
}

export function ownershipLabels(
  prefix: string,
  { userId, type, slug }: OwnershipLabels,
): Record<string, string> {
  const keys = labelKeys(prefix);
  return { [keys.managedBy]: MANAGED_BY, [keys.owner]: userId, [keys.type]: type, [keys.slug]: slug };
}

/** Docker list filter for every container this app (with this prefix) manages, optionally one owner's. */
export function managedFilter(prefix: string, ownerId?: string): { label: string[] } {
  const keys = labelKeys(prefix);
  const label = [`${keys.managedBy}=${MANAGED_BY}`];
  if (ownerId) label.push(`${keys.owner}=${ownerId}`);
  return { label };
}

export function readOwnership(
  prefix: string,
  labels: Record<string, string> | undefined,
): OwnershipLabels | null {
  const keys = labelKeys(prefix);
  if (!labels || labels[keys.managedBy] !== MANAGED_BY) return null;
  const userId = labels[keys.owner];
  const type = labels[keys.type];
  const slug = labels[keys.slug];
  return userId && type && slug ? { userId, type, slug } : null;
}
