// The running workloads of this app and the workspace rows they belong to, in one engine list (running ones only,
// cheap with many stopped) and one query of those rows alone: what the culler, admission and the admin's capacity
// figures all start from.
import "server-only";
import type { Prisma } from "@prisma/client";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { Runtime, Workload } from "@/lib/runtime/runtime";
import { managedSelector, readWorkloadKey } from "@/lib/workspaces/labels";
import { workloadIndex } from "@/lib/workspaces/match-workloads";

/** The rows some listed workloads can belong to: by the workspace id on their labels, or (legacy) owner and name. */
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

/** What a row needs for its workload to be found (lib/workspaces/match-workloads.ts). */
type Matched = { id: true; ownerId: true; name: true; runtimeId: true };

export async function runningRows<S extends Prisma.WorkspaceSelect & Matched>(
  select: S,
  {
    runtime = getRuntime(),
    workloads: listed,
    where = {},
  }: {
    runtime?: Runtime;
    /** The managed workloads, when the caller has just listed them (running or not). */
    workloads?: Workload[];
    where?: Prisma.WorkspaceWhereInput;
  } = {},
): Promise<{ row: Prisma.WorkspaceGetPayload<{ select: S }>; workload: Workload }[]> {
  const prefix = getEnv().LABEL_PREFIX;
  const workloads = (listed ?? (await runtime.list(managedSelector(prefix), { running: true }))).filter(
    (workload) => workload.state === "running",
  );
  const rows = (await getDb().workspace.findMany({
    where: { ...rowsOfWorkloads(prefix, workloads), ...where },
    select,
  })) as Prisma.WorkspaceGetPayload<{ select: S }>[];
  const find = workloadIndex(prefix, workloads);
  return rows.flatMap((row) => {
    const workload = find(
      row as unknown as { id: string; ownerId: string; name: string; runtimeId: string | null },
    );
    return workload ? [{ row, workload }] : [];
  });
}
