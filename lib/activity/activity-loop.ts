// The background loop of activity: noted requests are written every ACTIVITY_FLUSH_MS, and the culler stops idle
// workspaces every CULL_INTERVAL_MS. A failure (engine or database down) is logged once until it works again.
import "server-only";
import { flushActivity } from "@/lib/activity/activity";
import { cullIdle } from "@/lib/activity/cull-idle";
import { getEnv } from "@/lib/env";

export function startActivityLoop(): { stop: () => Promise<void> } {
  const env = getEnv();
  const failures = new Map<string, string>();
  const guard = (what: string, work: () => Promise<void>) => () =>
    work().then(
      () => {
        if (failures.get(what)) console.info(`[activity] ${what} works again`);
        failures.delete(what);
      },
      (error: unknown) => {
        const message = (error as Error)?.message ?? String(error);
        if (failures.get(what) !== message)
          console.error(`[activity] ${what} failed (will try again): ${message}`);
        failures.set(what, message);
      },
    );
  const flush = guard("writing activity", async () => void (await flushActivity()));
  let culling = false;
  const cull = guard("stopping idle workspaces", async () => {
    // One pass at a time: a slow engine must not pile passes up.
    if (culling) return;
    culling = true;
    try {
      await flushActivity();
      const { stopped } = await cullIdle();
      for (const { id, reason } of stopped) console.info(`[activity] stopped workspace ${id}: ${reason}`);
    } finally {
      culling = false;
    }
  });
  const flushTimer = setInterval(flush, env.ACTIVITY_FLUSH_MS);
  const cullTimer = setInterval(cull, env.CULL_INTERVAL_MS);
  flushTimer.unref();
  cullTimer.unref();
  return {
    // What was noted is written once more on the way out: a restart loses no activity.
    stop: async () => {
      clearInterval(flushTimer);
      clearInterval(cullTimer);
      await flush();
    },
  };
}
