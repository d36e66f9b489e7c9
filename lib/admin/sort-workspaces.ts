// The admin list's orders: one comparator per column, ties broken by owner, name and id so pages never overlap.
import type { AdminWorkspaceEntry } from "@/lib/admin/matching-workspaces";
import type { AdminWorkspaceSort, SortDir } from "@/lib/validations/admin-workspaces";
import type { WorkspaceStatus } from "@/lib/workspaces/status";

type Compare = (a: AdminWorkspaceEntry, b: AdminWorkspaceEntry) => number;

// What needs a look first: running, starting, broken, then the idle ones.
const STATUS_ORDER: Record<WorkspaceStatus, number> = {
  running: 0,
  creating: 1,
  error: 2,
  stopped: 3,
  not_created: 4,
};

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const number = (a: number, b: number) => a - b;

const byOwnerThenName: Compare = (a, b) =>
  text(a.row.owner.email, b.row.owner.email) || text(a.row.name, b.row.name) || text(a.row.id, b.row.id);

const COMPARE: Record<AdminWorkspaceSort, Compare> = {
  owner: () => 0,
  name: (a, b) => text(a.row.name, b.row.name),
  template: (a, b) => text(a.row.template.name, b.row.template.name),
  status: (a, b) => number(STATUS_ORDER[a.status], STATUS_ORDER[b.status]),
  created: (a, b) => number(a.row.createdAt.getTime(), b.row.createdAt.getTime()),
  activity: (a, b) => number(a.row.lastUsedAt.getTime(), b.row.lastUsedAt.getTime()),
  // Not read yet (or not running) counts as least busy.
  cpu: (a, b) => number(a.usage?.cpuPercent ?? -1, b.usage?.cpuPercent ?? -1),
  memory: (a, b) => number(a.usage?.memoryBytes ?? -1, b.usage?.memoryBytes ?? -1),
};

export function sortWorkspaces(
  entries: AdminWorkspaceEntry[],
  sort: AdminWorkspaceSort,
  dir: SortDir,
): AdminWorkspaceEntry[] {
  const sign = dir === "asc" ? 1 : -1;
  const compare = COMPARE[sort];
  return [...entries].sort((a, b) => sign * (compare(a, b) || byOwnerThenName(a, b)));
}
