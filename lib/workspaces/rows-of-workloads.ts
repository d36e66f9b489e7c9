// The workspace rows some listed workloads can belong to, as one where clause: by the workspace id on their labels,
// or (made before workspaces) by owner and name. A pass over the running workloads then reads their rows only, not
// every workspace of the platform.
import type { Prisma } from "@prisma/client";
import type { Workload } from "@/lib/runtime/runtime";
import { readWorkloadKey } from "@/lib/workspaces/labels";

export function rowsOfWorkloads(prefix: string, workloads: readonly Workload[]): Prisma.WorkspaceWhereInput {
  const ids: string[] = [];
  const legacy: Prisma.WorkspaceWhereInput[] = [];
  for (const workload of workloads) {
    const key = readWorkloadKey(prefix, workload.labels);
    if (!key) continue;
    if (key.workspaceId) ids.push(key.workspaceId);
    else legacy.push({ ownerId: key.ownerId, name: key.name });
  }
  return { OR: [{ id: { in: ids } }, ...legacy] };
}
