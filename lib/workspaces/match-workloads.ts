// Which listed workload is whose: the one a row points at, else one labelled for it (after a crash or an upgrade).
import type { Workload } from "@/lib/runtime/runtime";
import { belongsTo, readWorkloadKey } from "@/lib/workspaces/labels";

type Row = { id: string; ownerId: string; name: string; runtimeId: string | null };

export function workloadOf(prefix: string, row: Row, workloads: Workload[]): Workload | null {
  const mine = (workload: Workload) => belongsTo(readWorkloadKey(prefix, workload.labels), row);
  return (
    workloads.find((workload) => row.runtimeId && workload.id === row.runtimeId && mine(workload)) ??
    workloads.find(mine) ??
    null
  );
}

/**
 * workloadOf for many rows at once: the list is indexed once (by id, workspace-id label, and owner and name for
 * legacy workloads), so matching every workspace of the platform costs one pass, not rows × workloads. Picks the
 * same workload as workloadOf.
 */
export function workloadIndex(prefix: string, workloads: Workload[]): (row: Row) => Workload | null {
  const byId = new Map<string, Workload>();
  const byWorkspace = new Map<string, number[]>();
  const byLegacy = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, index: number) => {
    const list = map.get(key);
    if (list) list.push(index);
    else map.set(key, [index]);
  };
  workloads.forEach((workload, index) => {
    const key = readWorkloadKey(prefix, workload.labels);
    if (!key) return;
    byId.set(workload.id, workload);
    if (key.workspaceId) add(byWorkspace, key.workspaceId, index);
    else add(byLegacy, `${key.ownerId}\n${key.name}`, index);
  });
  return (row) => {
    const pointed = row.runtimeId ? byId.get(row.runtimeId) : undefined;
    if (pointed && belongsTo(readWorkloadKey(prefix, pointed.labels), row)) return pointed;
    // The first in list order of those labelled for it, as workloadOf's find.
    const first = Math.min(
      byWorkspace.get(row.id)?.[0] ?? Number.POSITIVE_INFINITY,
      byLegacy.get(`${row.ownerId}\n${row.name}`)?.[0] ?? Number.POSITIVE_INFINITY,
    );
    return Number.isFinite(first) ? (workloads[first] ?? null) : null;
  };
}
