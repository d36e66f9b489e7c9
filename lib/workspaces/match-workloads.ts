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
