// Server start-up: bad settings stop the process here, naming the variable; then the reconciler, the audit
// log's pruning and the stats sampler start, and SIGTERM drains the server instead of cutting requests off.
import { EnvError, getEnv } from "@/lib/env";
import { closeAllStreams } from "@/lib/http/open-streams";
import { installGracefulShutdown } from "@/lib/server/graceful-shutdown";

export async function startServer(): Promise<void> {
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`[spawner] ${error.message}`);
    process.exit(1);
  }
  // Forward-auth is answered before Next's router (lib/server/fast-path.ts).
  const { installFastPath } = await import("@/lib/server/fast-path");
  installFastPath();
  // The dev and prod templates come from the settings: written before the first request needs them.
  const { ensureSeededTemplates } = await import("@/lib/templates/template-store");
  const { ensureHostKeys } = await import("@/lib/workspaces/ensure-host-keys");
  await ensureSeededTemplates().catch((error: unknown) =>
    console.error("[spawner] could not write the dev and prod templates:", (error as Error).message),
  );
  await ensureHostKeys().catch((error: unknown) =>
    console.error("[spawner] could not give workspaces their host keys:", (error as Error).message),
  );
  // Not awaited: an engine that is down must not hold up the server (the next start tries again).
  const { markStaleRoutes } = await import("@/lib/workspaces/mark-stale-routes");
  markStaleRoutes()
    .then((marked) => {
      if (marked > 0)
        console.log(
          `[spawner] ${marked} workspace(s) made under other routing: re-created at their next start`,
        );
    })
    .catch((error: unknown) =>
      console.error("[spawner] could not check workspaces' routing:", (error as Error).message),
    );
  let stopReconciler = () => {};
  if (env.RECONCILER === "on") {
    const { startReconciler } = await import("@/lib/reconciler/reconciler");
    const reconciler = startReconciler();
    stopReconciler = () => reconciler.stop();
  }
  // Audit retention is a data policy, not reconciliation: it runs whether or not the reconciler does.
  const { startAuditPruning } = await import("@/lib/audit/prune-audit");
  const auditPruning = startAuditPruning();
  // Activity and idle shutdown are policy too: they run whether or not the reconciler does.
  const { startActivityLoop } = await import("@/lib/activity/activity-loop");
  const activity = startActivityLoop();
  // Stats history (and the admin views' latest numbers): sampled whether or not the reconciler runs.
  const { startStatsSampler } = await import("@/lib/stats/stats-sampler");
  const statsSampler = startStatsSampler();
  if (env.TEST_FAULT_POINT)
    console.warn(
      `[spawner] TEST_FAULT_POINT=${env.TEST_FAULT_POINT}: launches stop there. This is a test hook.`,
    );
  // Next.js' variable, not ours: without it Next's own handler races this one (see graceful-shutdown.ts).
  if (env.NODE_ENV === "production" && !process.env.NEXT_MANUAL_SIG_HANDLE)
    console.warn(
      "[spawner] Set NEXT_MANUAL_SIG_HANDLE=1: without it Next.js' own SIGTERM handler races ours.",
    );
  installGracefulShutdown({
    drainMs: env.SHUTDOWN_DRAIN_MS,
    stopWork: () => {
      stopReconciler();
      auditPruning.stop();
      void statsSampler.stop();
      closeAllStreams();
    },
    release: async () => {
      await activity.stop();
      await statsSampler.stop();
      const { getDb } = await import("@/lib/db");
      await getDb().$disconnect();
    },
  });
}
