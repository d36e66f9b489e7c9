// Every workspace of every user a filter matches, with what runs for it: the rows from one query (owner, name and
// template filtered in SQL), status and uptime from ONE labelled list of the runtime, CPU and memory from the
// background sampler. The status filter applies after (status lives in the runtime, not the database).
import "server-only";
import type { Prisma } from "@prisma/client";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { listCached } from "@/lib/runtime/list-cache";
import type { Workload } from "@/lib/runtime/runtime";
import { getSampledStats, type WorkloadUsage } from "@/lib/stats/latest-usage";
import type { WorkspaceFilter } from "@/lib/validations/admin-workspaces";
import { isInFlight, launchKey } from "@/lib/workspaces/in-flight";
import { managedSelector } from "@/lib/workspaces/labels";
import { workloadIndex } from "@/lib/workspaces/match-workloads";
import { statusOf, type WorkspaceStatus } from "@/lib/workspaces/status";

const select = {
  id: true,
  name: true,
  displayName: true,
  ownerId: true,
  runtimeId: true,
  createdAt: true,
  lastUsedAt: true,
  owner: { select: { id: true, email: true, slug: true } },
  template: { select: { name: true, displayName: true } },
} satisfies Prisma.WorkspaceSelect;

export type AdminWorkspaceRow = Prisma.WorkspaceGetPayload<{ select: typeof select }>;

export type AdminWorkspaceEntry = {
  row: AdminWorkspaceRow;
  workload: Workload | null;
  status: WorkspaceStatus;
  /** The sampler's last reading of its workload; null when not running or not read yet. */
  usage: WorkloadUsage | null;
};

function whereOf(filter: WorkspaceFilter): Prisma.WorkspaceWhereInput {
  const and: Prisma.WorkspaceWhereInput[] = [];
  // SQLite's LIKE (Prisma's contains, wildcards escaped) ignores ASCII case; emails, slugs and names are lower-case.
  if (filter.owner)
    and.push({
      owner: { OR: [{ email: { contains: filter.owner } }, { slug: { contains: filter.owner } }] },
    });
  if (filter.name)
    and.push({ OR: [{ name: { contains: filter.name } }, { displayName: { contains: filter.name } }] });
  if (filter.template) and.push({ template: { name: filter.template } });
  return and.length > 0 ? { AND: and } : {};
}

export async function findMatchingWorkspaces(filter: WorkspaceFilter): Promise<AdminWorkspaceEntry[]> {
  const prefix = getEnv().LABEL_PREFIX;
  // Asked even when no row matches: an engine that is down is a 503, not an empty list that looks true.
  const [rows, workloads] = await Promise.all([
    getDb().workspace.findMany({ where: whereOf(filter), select }),
    // Kept between requests while the events stream says nothing changed (lib/runtime/list-cache.ts).
    listCached(getRuntime(), managedSelector(prefix)),
  ]);
  const workloadFor = workloadIndex(prefix, workloads);
  const usage = getSampledStats().workloads;
  const entries = rows.map((row): AdminWorkspaceEntry => {
    const workload = workloadFor(row);
    const status = statusOf(workload, isInFlight(launchKey(row.ownerId, row.name)));
    return {
      row,
      workload,
      status,
      usage: workload && status === "running" ? (usage.get(workload.id) ?? null) : null,
    };
  });
  return filter.status ? entries.filter((entry) => entry.status === filter.status) : entries;
}
