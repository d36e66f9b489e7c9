// What running workspaces hold now, read from the runtime (which run) and the database (their limits: the
// workspace's own, else its template's defaults). One engine list of the running ones (or the list the caller
// already has: the overview's) and one query of their rows; the admin's users list asks for its page's accounts.
import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { Workload } from "@/lib/runtime/runtime";
import { templateFromRow } from "@/lib/templates/template";
import { managedSelector } from "@/lib/workspaces/labels";
import { workloadIndex } from "@/lib/workspaces/match-workloads";
import { rowsOfWorkloads } from "@/lib/workspaces/rows-of-workloads";
import { effectiveLimits, parseSettings } from "@/lib/workspaces/settings";

export type RunningWorkspace = { id: string; ownerId: string; memoryMb: number; cpus: number };

const MB = 1024 * 1024;

export async function runningWorkspaces({
  ownerIds,
  workloads: listed,
}: {
  ownerIds?: string[];
  /** The managed workloads, when the caller has just listed them. */
  workloads?: Workload[];
} = {}): Promise<RunningWorkspace[]> {
  const prefix = getEnv().LABEL_PREFIX;
  const workloads = (listed ?? (await getRuntime().list(managedSelector(prefix), { running: true }))).filter(
    (workload) => workload.state === "running",
  );
  const rows = await getDb().workspace.findMany({
    where: {
      ...rowsOfWorkloads(prefix, workloads),
      ...(ownerIds ? { ownerId: { in: ownerIds } } : {}),
    },
    select: { id: true, ownerId: true, name: true, runtimeId: true, settings: true, template: true },
  });
  const find = workloadIndex(prefix, workloads);
  return rows
    .filter((row) => find(row) !== null)
    .map((row) => {
      const limits = effectiveLimits(parseSettings(row.settings), templateFromRow(row.template));
      return { id: row.id, ownerId: row.ownerId, memoryMb: limits.memoryMb, cpus: limits.cpus };
    });
}

export const bytesOfMb = (mb: number) => mb * MB;
