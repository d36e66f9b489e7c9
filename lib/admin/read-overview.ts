// Use case: the platform at a glance for admins — accounts, workspaces by status, what running workloads use (the
// background sampler's last reading, never stats per request) against the engine's total (its CPUs and memory, one
// cheap question per view), the capacity starts
// are admitted against (the memory limits of running workspaces within the memory planned for), the latest audit
// events, and what needs attention: the engine unreachable, a template's image missing, orphans found.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { listOrphans } from "@/lib/admin/list-orphans";
import type { AuditEventView } from "@/lib/audit/audit-view";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { capacityLeft } from "@/lib/resources/capacity";
import { bytesOfMb, type RunningWorkspace, runningWorkspaces } from "@/lib/resources/resource-use";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { listCached } from "@/lib/runtime/list-cache";
import type { EngineResources, Workload } from "@/lib/runtime/runtime";
import { getSampledStats } from "@/lib/stats/latest-usage";
import { isInFlight, launchKey } from "@/lib/workspaces/in-flight";
import { managedSelector } from "@/lib/workspaces/labels";
import { workloadIndex } from "@/lib/workspaces/match-workloads";
import { statusOf, WORKSPACE_STATUSES, type WorkspaceStatus } from "@/lib/workspaces/status";

export type OverviewWarning = { kind: "engine" | "image" | "orphans"; message: string; href?: string };

export type Overview = {
  users: { total: number; admins: number; disabled: number };
  /** null while the engine can't be reached: statuses are the engine's to tell. */
  workspaces: { total: number; byStatus: Record<WorkspaceStatus, number> | null };
  usage: {
    engine: EngineResources | null;
    running: number;
    cpuPercent: number;
    memoryBytes: number;
    sampledAt: string | null;
  };
  capacity: Capacity;
  recent: AuditEventView[];
  warnings: OverviewWarning[];
};

/** What admission plans with (lib/resources/admission.ts), in bytes; null where it is not known yet. */
export type Capacity = {
  /** CAPACITY_MEMORY ("setting"), else the engine's memory ("engine"). */
  totalBytes: number | null;
  source: "setting" | "engine";
  overcommit: number;
  /** totalBytes × overcommit. */
  plannableBytes: number | null;
  /** The memory limits of running workspaces; null while the engine can't be reached. */
  committedBytes: number | null;
  leftBytes: number | null;
  running: number | null;
  maxConcurrentStarts: number;
};

const RECENT_EVENTS = 10;

export async function readOverview({ actor }: { actor: Actor }): Promise<Overview> {
  assertAdmin(actor);
  const db = getDb();
  const [total, admins, disabled, rows, templates, recent] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { role: "ADMIN", disabledAt: null } }),
    db.user.count({ where: { disabledAt: { not: null } } }),
    db.workspace.findMany({ select: { id: true, ownerId: true, name: true, runtimeId: true } }),
    db.template.findMany({ where: { enabled: true }, select: { name: true, image: true } }),
    listAuditEvents({ actor, page: 1, pageSize: RECENT_EVENTS }),
  ]);
  const warnings: OverviewWarning[] = [];
  const runtime = getRuntime();
  let workloads: Workload[] | null = null;
  // The engine's CPUs and memory: worth no warning of their own (the list's failure says the engine is down).
  const resources = runtime.resources().catch(() => null);
  try {
    workloads = await listCached(runtime, managedSelector(getEnv().LABEL_PREFIX));
  } catch {
    warnings.push({
      kind: "engine",
      message: "The container engine is not reachable: workspaces can't be started, stopped or counted.",
    });
  }
  if (workloads) {
    const missing = await missingImages(templates);
    for (const template of missing)
      warnings.push({
        kind: "image",
        message: `The image ${template.image} of template ${template.name} is not on the engine: new workspaces from it can't start.`,
        href: "/admin/templates",
      });
    const orphans = await listOrphans({ actor }).catch(() => null);
    const found = orphans ? orphans.workloads.length + orphans.volumes.length : 0;
    if (orphans && found > 0)
      warnings.push({
        kind: "orphans",
        message: `${orphans.workloads.length} orphaned container(s) and ${orphans.volumes.length} orphaned volume(s): nothing in the database claims them.`,
        href: "/admin/orphans",
      });
  }
  const sampled = getSampledStats();
  const engine = await resources;
  const holding = workloads ? await runningWorkspaces({ workloads }) : null;
  const running = workloads?.filter((workload) => workload.state === "running") ?? [];
  let cpuPercent = 0;
  let memoryBytes = 0;
  for (const workload of running) {
    const usage = sampled.workloads.get(workload.id);
    cpuPercent += usage?.cpuPercent ?? 0;
    memoryBytes += usage?.memoryBytes ?? 0;
  }
  return {
    users: { total, admins, disabled },
    workspaces: { total: rows.length, byStatus: workloads ? countStatuses(rows, workloads) : null },
    usage: {
      engine,
      running: running.length,
      cpuPercent,
      memoryBytes,
      sampledAt: sampled.sampledAt,
    },
    capacity: capacityOf(engine?.memoryBytes ?? null, holding),
    recent: recent.events,
    warnings,
  };
}

function capacityOf(engineBytes: number | null, holding: RunningWorkspace[] | null): Capacity {
  const env = getEnv();
  const totalBytes = env.CAPACITY_MEMORY || engineBytes;
  const committedBytes = holding
    ? bytesOfMb(holding.reduce((sum, workspace) => sum + workspace.memoryMb, 0))
    : null;
  const left =
    totalBytes === null || committedBytes === null
      ? null
      : capacityLeft({ totalBytes, overcommit: env.CAPACITY_OVERCOMMIT, committedBytes });
  return {
    totalBytes,
    source: env.CAPACITY_MEMORY ? "setting" : "engine",
    overcommit: env.CAPACITY_OVERCOMMIT,
    plannableBytes: totalBytes === null ? null : totalBytes * env.CAPACITY_OVERCOMMIT,
    committedBytes,
    leftBytes: left?.leftBytes ?? null,
    running: holding?.length ?? null,
    maxConcurrentStarts: env.MAX_CONCURRENT_STARTS,
  };
}

/** Each row's status from one list of the engine's workloads, matched as the admin list matches them. */
function countStatuses(
  rows: { id: string; ownerId: string; name: string; runtimeId: string | null }[],
  workloads: Workload[],
): Record<WorkspaceStatus, number> {
  const workloadFor = workloadIndex(getEnv().LABEL_PREFIX, workloads);
  const counts = Object.fromEntries(WORKSPACE_STATUSES.map((status) => [status, 0])) as Record<
    WorkspaceStatus,
    number
  >;
  for (const row of rows)
    counts[statusOf(workloadFor(row), isInFlight(launchKey(row.ownerId, row.name)))] += 1;
  return counts;
}

async function missingImages(templates: { name: string; image: string }[]) {
  const present = await Promise.all(
    templates.map((template) =>
      getRuntime()
        .imageExists(template.image)
        .catch(() => true),
    ),
  );
  return templates.filter((_, index) => !present[index]);
}
