// The reconciler's full diff, as a pure function: rows (intent) against labelled containers (truth).
export type RowState = { userId: string; containerType: string; containerId: string | null };
export type ManagedContainer = { id: string; owner: { userId: string; type: string } | null };

export type ReconcilePlan = {
  /** Rows that point at a container that no longer exists: cleared, so they read "not created". */
  clear: { userId: string; containerType: string }[];
  /** Rows that lost their container id while a container of theirs exists (e.g. a crash mid-launch). */
  adopt: { userId: string; containerType: string; containerId: string }[];
  /** Labelled containers nobody's row claims, with when they were first seen. */
  orphans: { id: string; firstSeen: number }[];
  /** Orphans past the grace period: remove them. */
  remove: string[];
};

const slot = (userId: string, type: string) => `${userId}:${type}`;

export function planReconcile(input: {
  rows: RowState[];
  containers: ManagedContainer[];
  inFlight: ReadonlySet<string>;
  firstSeen: ReadonlyMap<string, number>;
  now: number;
  graceMs: number;
}): ReconcilePlan {
  const { rows, containers, inFlight, firstSeen, now, graceMs } = input;
  const plan: ReconcilePlan = { clear: [], adopt: [], orphans: [], remove: [] };
  const byId = new Map(containers.map((container) => [container.id, container]));
  const claimed = new Set<string>();
  for (const row of rows) {
    const key = slot(row.userId, row.containerType);
    if (inFlight.has(key)) {
      // A launch is working on this slot: whatever it holds is spoken for.
      for (const c of containers)
        if (c.owner && slot(c.owner.userId, c.owner.type) === key) claimed.add(c.id);
      continue;
    }
    if (row.containerId && byId.has(row.containerId)) {
      claimed.add(row.containerId);
      continue;
    }
    const candidate = containers.find(
      (c) => !claimed.has(c.id) && c.owner && slot(c.owner.userId, c.owner.type) === key,
    );
    if (candidate) {
      claimed.add(candidate.id);
      plan.adopt.push({ userId: row.userId, containerType: row.containerType, containerId: candidate.id });
    } else if (row.containerId) {
      plan.clear.push({ userId: row.userId, containerType: row.containerType });
    }
  }
  for (const container of containers) {
    if (claimed.has(container.id)) continue;
    if (container.owner && inFlight.has(slot(container.owner.userId, container.owner.type))) continue;
    const seen = firstSeen.get(container.id) ?? now;
    plan.orphans.push({ id: container.id, firstSeen: seen });
    if (now - seen >= graceMs) plan.remove.push(container.id);
  }
  return plan;
}

/** Reconnect delay after n failures in a row: 0.5 s doubling, capped at 30 s. */
export function backoffMs(failures: number): number {
  return Math.min(30_000, 500 * 2 ** Math.max(0, failures - 1));
}
