// The background loop of activity: noted requests are written every ACTIVITY_FLUSH_MS, and the culler stops idle
// workspaces every CULL_INTERVAL_MS. A failure (engine or database down) is logged once until it works again.
import "server-only";
import { flushActivity } from "@/lib/activity/activity";
import { cullIdle } from "@/lib/activity/cull-idle";
import { getEnv } from "@/lib/env";
import { logOnceGuard } from "@/lib/server/log-once-guard";
import { singleFlight } from "@/lib/server/single-flight";

export function startActivityLoop(): { stop: () => Promise<void> } {
  const env = getEnv();
  const guard = logOnceGuard("activity");
  const flush = () => guard("writing activity", async () => void (await flushActivity()));
  // One pass at a time: a slow engine must not pile passes up.
  const cull = singleFlight(async () => {
    await guard("stopping idle workspaces", async () => {
      await flushActivity();
      const { stopped } = await cullIdle();
      for (const { id, reason } of stopped) console.info(`[activity] stopped workspace ${id}: ${reason}`);
    });
  });
  const flushTimer = setInterval(flush, env.ACTIVITY_FLUSH_MS);
  const cullTimer = setInterval(cull.run, env.CULL_INTERVAL_MS);
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
