// The reconciler's full diff, as a pure function: workspace rows (intent) against labelled workloads (truth).
export type RowState = { id: string; ownerId: string; name: string; runtimeId: string | null };
/** A labelled workload and whose it says it is (workspace id; before workspaces, owner and slot name). */
export type ManagedWorkload = {
  id: string;
  key: { workspaceId: string | null; ownerId: string; name: string } | null;
};

export type ReconcilePlan = {
  /** Rows that point at a workload that no longer exists: cleared, so they read "not created". */
  clear: string[];
  /** Rows that lost their runtime id while a workload of theirs exists (a crash mid-launch). */
  adopt: { workspaceId: string; runtimeId: string }[];
  /** Labelled workloads no row claims, with when they were first seen. */
  orphans: { id: string; firstSeen: number }[];
  /** Orphans past the grace period: remove them. */
  remove: string[];
};

const slot = (ownerId: string, name: string) => `${ownerId}:${name}`;

function claims(row: RowState, workload: ManagedWorkload): boolean {
  const key = workload.key;
  if (!key) return false;
  return key.workspaceId ? key.workspaceId === row.id : key.ownerId === row.ownerId && key.name === row.name;
}

export function planReconcile(input: {
  rows: RowState[];
  workloads: ManagedWorkload[];
  /** Launch keys (owner:name) in flight in this process. */
  inFlight: ReadonlySet<string>;
  firstSeen: ReadonlyMap<string, number>;
  now: number;
  graceMs: number;
}): ReconcilePlan {
  const { rows, workloads, inFlight, firstSeen, now, graceMs } = input;
  const plan: ReconcilePlan = { clear: [], adopt: [], orphans: [], remove: [] };
  const byId = new Map(workloads.map((workload) => [workload.id, workload]));
  const claimed = new Set<string>();
  for (const row of rows) {
    if (inFlight.has(slot(row.ownerId, row.name))) {
      // A launch is working on this workspace: whatever it holds is spoken for.
      for (const workload of workloads) if (claims(row, workload)) claimed.add(workload.id);
      continue;
    }
    const current = row.runtimeId ? byId.get(row.runtimeId) : undefined;
    if (current && claims(row, current)) {
      claimed.add(current.id);
      continue;
    }
    const candidate = workloads.find((workload) => !claimed.has(workload.id) && claims(row, workload));
    if (candidate) {
      claimed.add(candidate.id);
      plan.adopt.push({ workspaceId: row.id, runtimeId: candidate.id });
    } else if (row.runtimeId) {
      plan.clear.push(row.id);
    }
  }
  for (const workload of workloads) {
    if (claimed.has(workload.id)) continue;
    // A first launch of a slot may have made its workload before its row is visible here.
    if (workload.key && inFlight.has(slot(workload.key.ownerId, workload.key.name))) continue;
    const seen = firstSeen.get(workload.id) ?? now;
    plan.orphans.push({ id: workload.id, firstSeen: seen });
    if (now - seen >= graceMs) plan.remove.push(workload.id);
  }
  return plan;
}

/** Reconnect delay after n failures in a row: 0.5 s doubling, capped at 30 s. */
export function backoffMs(failures: number): number {
  return Math.min(30_000, 500 * 2 ** Math.max(0, failures - 1));
}
