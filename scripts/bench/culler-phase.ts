// The culler's pass over the admin phase's 1,000 workspaces (50 running): the engine's labelled list, one query of
// every workspace, the plan — the same code the background loop runs every CULL_INTERVAL_MS, called here in this
// process against the bench's database and engine (target: a pass < 100 ms), under Traefik (the production setting;
// local mode also looks at the connections of workspaces quiet for half their timeout). Nothing is idle here (idle
// time counts from the process's start), so the pass stops nothing and looks at no connection: its cost per pass.
import type { BenchContext } from "./context";
import { ms, percentile, type Row, verdict } from "./util";

const PASSES = 30;
const TARGET_MS = 100;

export async function cullerPhase(ctx: BenchContext, appEnv: Record<string, string>): Promise<Row[]> {
  console.log("\n== The culler's pass over every workspace");
  // The culler reads its settings and database from the environment, as the server does.
  Object.assign(process.env, appEnv, {
    NODE_ENV: "production",
    INGRESS: "traefik",
    ROUTING: "path",
    APP_HOST: "spawner.bench.test",
  });
  const { cullIdle } = await import("@/lib/activity/cull-idle");
  const workspaces = await ctx.db.workspace.count();
  await cullIdle();
  const times: number[] = [];
  let checked = 0;
  for (let i = 0; i < PASSES; i++) {
    const started = performance.now();
    const result = await cullIdle();
    times.push(performance.now() - started);
    checked = result.checked;
    if (result.stopped.length > 0)
      throw new Error(`the culler stopped ${result.stopped.length} in the bench`);
  }
  // The engine's share: the same labelled list of running workloads, straight through the runtime.
  const { getRuntime } = await import("@/lib/runtime/get-runtime");
  const listTimes: number[] = [];
  for (let i = 0; i < PASSES; i++) {
    const started = performance.now();
    await getRuntime().list({ [`${ctx.env.LABEL_PREFIX}.managed-by`]: "spawner" }, { running: true });
    listTimes.push(performance.now() - started);
  }
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  console.log(`${workspaces} workspaces, ${checked} running: p50 ${ms(p50)}, p95 ${ms(p95)}`);
  console.log(
    `the engine's list of the running ones: p50 ${ms(percentile(listTimes, 50))}, p95 ${ms(percentile(listTimes, 95))}`,
  );
  return [
    {
      metric: `culler pass over ${workspaces} workspaces (${checked} running) p95`,
      value: ms(p95),
      target: `< ${TARGET_MS} ms`,
      ok: verdict(p95 < TARGET_MS),
    },
    {
      metric: "  (the engine's list of the running ones, p95)",
      value: ms(percentile(listTimes, 95)),
      target: "-",
      ok: "-",
    },
  ];
}
