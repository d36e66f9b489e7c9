// One pass of the culler (the background loop runs it every CULL_INTERVAL_MS): running workspaces past their
// template's maximum lifetime are stopped; those without activity for longer than their idle timeout are stopped
// unless a connection to one of their apps is still open (a WebSocket lives on after forward-auth saw its upgrade;
// an open one counts as activity now). One engine list of the running workloads and one query of their rows per
// pass; connections are looked at only for the quiet ones.
import "server-only";
import { noteActivity, pendingActivity } from "@/lib/activity/activity";
import { type CullCandidate, planCull } from "@/lib/activity/plan-cull";
import { stopIdleWorkspace } from "@/lib/activity/stop-idle-workspace";
import { mapPool } from "@/lib/admin/map-pool";
import { getEnv } from "@/lib/env";
import { recordCullerStop } from "@/lib/metrics/metrics";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { Runtime } from "@/lib/runtime/runtime";
import { appsFromJson } from "@/lib/templates/template";
import { inFlightKeys, launchKey } from "@/lib/workspaces/in-flight";
import { runningRows } from "@/lib/workspaces/running-rows";
import { effectiveIdleSeconds, parseSettings } from "@/lib/workspaces/settings";

/**
 * This process's start. Workspaces running since before it (and so before startedAt was kept) count their lifetime
 * from here, and none counts as idle for longer than this process has been up: activity noted by the process before
 * (or by a version that noted none) is not known here, and an upgrade or a restart must never stop what was in use.
 */
const BOOTED_AT = Date.now();

// Workspaces whose connections could not be read, each said once (until this process restarts).
const store = globalThis as unknown as { spawnerUnreadable?: Set<string> };
store.spawnerUnreadable ??= new Set();

function unreadable(id: string): void {
  if (store.spawnerUnreadable?.has(id)) return;
  store.spawnerUnreadable?.add(id);
  console.warn(
    `[activity] cannot read the connections of workspace ${id} (does its image have cat? may the app exec?): it is not stopped for inactivity`,
  );
}

export type CullResult = { checked: number; stopped: { id: string; reason: "inactivity" | "lifetime" }[] };

export async function cullIdle({
  now = Date.now(),
  runtime = getRuntime(),
}: {
  now?: number;
  runtime?: Runtime;
} = {}): Promise<CullResult> {
  const env = getEnv();
  const found = await runningRows(
    {
      id: true,
      ownerId: true,
      name: true,
      runtimeId: true,
      settings: true,
      apps: true,
      lastUsedAt: true,
      startedAt: true,
      owner: { select: { email: true } },
      template: { select: { idleSeconds: true, maxLifetimeSeconds: true, apps: true } },
    },
    { runtime },
  );
  const launching = inFlightKeys();
  const running = new Map<string, (typeof found)[number]>();
  const candidates: CullCandidate[] = [];
  for (const { row, workload } of found) {
    running.set(row.id, { row, workload });
    const noted = pendingActivity(row.id) ?? 0;
    candidates.push({
      id: row.id,
      lastActivity: Math.max(row.lastUsedAt.getTime(), noted, BOOTED_AT),
      idleSeconds: effectiveIdleSeconds(parseSettings(row.settings), row.template),
      maxLifetimeSeconds: row.template.maxLifetimeSeconds,
      startedAt: row.startedAt?.getTime() ?? BOOTED_AT,
      launching: launching.has(launchKey(row.ownerId, row.name)),
    });
  }
  const plan = planCull(candidates, now);
  const result: CullResult = { checked: candidates.length, stopped: [] };
  const planned = new Map(candidates.map((candidate) => [candidate.id, candidate.lastActivity]));
  // One workspace's failure (the engine refusing its stop) is logged and leaves the others' stops alone.
  const stop = async (id: string, reason: "inactivity" | "lifetime") => {
    const found = running.get(id);
    if (!found) return;
    const { row, workload } = found;
    // Used while this pass looked at others (a request, or a connection check): not idle after all.
    if (reason === "inactivity" && (pendingActivity(id) ?? 0) > (planned.get(id) ?? 0)) return;
    const details =
      reason === "lifetime"
        ? { max_lifetime_seconds: row.template.maxLifetimeSeconds }
        : { idle_seconds: Math.round((now - (planned.get(id) ?? now)) / 1000) };
    const workspace = { id, name: row.name, ownerId: row.ownerId, ownerEmail: row.owner.email };
    try {
      if (await stopIdleWorkspace({ workspace, workloadId: workload.id, reason, details })) {
        result.stopped.push({ id, reason });
        recordCullerStop(reason);
      }
    } catch (error) {
      console.error(`[activity] could not stop workspace ${id} (${reason}):`, (error as Error).message);
    }
  };
  await mapPool(plan.lifetime, env.ADMIN_BULK_CONCURRENCY, (id) => stop(id, "lifetime"));
  /** "open" (noted as activity now), "none", or "unknown": the workload's connections could not be read. */
  const connections = async (id: string): Promise<"open" | "none" | "unknown"> => {
    const found = running.get(id);
    if (!found) return "none";
    const ports = appsFromJson(found.row.apps ?? found.row.template.apps).map((app) => app.port);
    const open = await runtime.openConnections(found.workload.id, ports).catch(() => null);
    if (open === null) {
      unreadable(id);
      return "unknown";
    }
    if (open === 0) return "none";
    noteActivity(id, now);
    return "open";
  };
  // Not knowing whether someone is connected (an image without cat, an engine refusing exec) is not idleness: a
  // WebSocket-only app in use (an IDE) would be stopped under its user. Its maximum lifetime still applies.
  await mapPool(plan.idle, env.ADMIN_BULK_CONCURRENCY, async (id) => {
    if ((await connections(id)) === "none") await stop(id, "inactivity");
  });
  // Local mode has no proxy to see requests: a browser's connection to the published port is the activity there.
  // Looked at once a workspace has been quiet for half its timeout (a connection found counts as activity now), so
  // one in use is looked at about twice per timeout, not on every pass.
  if (env.INGRESS === "local") {
    const decided = new Set([...plan.idle, ...plan.lifetime]);
    const halfQuiet = candidates.filter(
      (candidate) =>
        !decided.has(candidate.id) &&
        !candidate.launching &&
        candidate.idleSeconds > 0 &&
        now - candidate.lastActivity >= candidate.idleSeconds * 500,
    );
    await mapPool(halfQuiet, env.ADMIN_BULK_CONCURRENCY, (candidate) => connections(candidate.id));
  }
  return result;
}
