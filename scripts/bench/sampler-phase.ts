// The stats sampler at 100 running workloads: (1) its rounds run here, in this process, against the bench's engine and
// database — the same code the server's loop runs — for its CPU (process.cpuUsage over the rounds) as a share of one
// core at the default 15 s interval (target < 5%), its round time and rows written, and the engine's CPU for the same
// rounds; (2) GET /api/v1/health (database and engine) and /api/templates (database only) on an app server whose
// sampler is off and on one whose sampler is busy all the time (1 s: rounds back to back), requests alternating between
// the two, p50/p99 side by side (target: p99 with ≤ p99 without + 10% or 5 ms: it never delays a request).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { AppServer } from "../../tests/support/app-server";
import type { BenchContext } from "./context";
import { fillContainers, removeLabelled } from "./docker";
import { createUsers, startApp } from "./setup";
import { ms, percentile, type Row, sleep, verdict } from "./util";

const WORKLOADS = 100;
const ROUNDS = 6;
const INTERVAL_S = 15;
const REQUESTS = 500;
const WARM_UP = 20;
const MARGIN_MS = 5;
const CPU_TARGET = 5;
const TICKS_PER_S = 100;

/** CPU seconds of dockerd so far (utime + stime), or null when it can't be found. */
function dockerdCpuS(): number | null {
  try {
    const pid = execFileSync("pidof", ["dockerd"], { encoding: "utf8" }).trim().split(" ")[0];
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return null;
  }
}

type Timed = { path: string; off: number[]; on: number[] };

/**
 * The same request to both servers in turn (which goes first flips every round), so the machine's other load hits
 * both alike: what is left between them is the sampler's.
 */
async function alternate(off: AppServer, on: AppServer, path: string, cookie: string): Promise<Timed> {
  const timed: Timed = { path, off: [], on: [] };
  const once = async (app: AppServer) => {
    const started = performance.now();
    const response = await fetch(`${app.url}${path}`, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < REQUESTS + WARM_UP; i++) {
    const order = i % 2 === 0 ? ([off, on] as const) : ([on, off] as const);
    for (const app of order) {
      const took = await once(app);
      // The first answers warm the route up; they are not the sampler's doing.
      if (i >= WARM_UP) (app === off ? timed.off : timed.on).push(took);
    }
    await sleep(10);
  }
  return timed;
}

export async function samplerPhase(ctx: BenchContext, appEnv: Record<string, string>): Promise<Row[]> {
  console.log(`\n== The stats sampler at ${WORKLOADS} running workloads`);
  // Its own servers below: the bench's one (sampling every 15 s too) would only add noise.
  await ctx.app.stop();
  const prefix = ctx.env.LABEL_PREFIX;
  await removeLabelled(prefix);
  await ctx.db.keptVolume.deleteMany({});
  await ctx.db.workspace.deleteMany({});
  const [owner] = await createUsers(ctx.db, 1, "stats");
  if (!owner) throw new Error("no owner");
  const template = await ctx.db.template.findFirstOrThrow({ where: { name: "dev" } });
  const wanted = Array.from({ length: WORKLOADS }, (_, i) => ({
    owner,
    id: `wsts${i}x${owner.id.slice(0, 8)}`,
    name: `ws-${i}`,
  }));
  const made = await fillContainers(ctx.env, wanted, WORKLOADS);
  await ctx.db.workspace.createMany({
    data: made.map((w) => ({
      id: w.id,
      ownerId: owner.id,
      name: w.name,
      displayName: w.name,
      templateId: template.id,
      routeKey: `${owner.slug}-${w.name}`,
      runtimeId: w.containerId,
      workloadName: w.workloadName,
      volumeName: w.volumeName,
    })),
  });
  console.log(`started ${made.length} containers`);

  // (1) The rounds, here: the sampler reads its settings and database from the environment, as the server does.
  Object.assign(process.env, appEnv, { NODE_ENV: "production" });
  const { sampleRound } = await import("@/lib/stats/sample-round");
  let previous = (await sampleRound({ previous: new Map() })).readings;
  const cpuMs: number[] = [];
  const wallMs: number[] = [];
  let written = 0;
  const engineBefore = dockerdCpuS();
  // How long the rounds hold this process's event loop at a stretch: the longest a request would wait behind them.
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  for (let i = 0; i < ROUNDS; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const round = await sampleRound({ previous });
    wallMs.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
    previous = round.readings;
    written += round.written;
    if (round.running !== WORKLOADS) console.log(`round ${i}: ${round.running} running`);
  }
  loop.disable();
  const engineAfter = dockerdCpuS();
  const loopP99 = loop.percentile(99) / 1e6;
  const loopMax = loop.max / 1e6;
  const cpuPerRound = cpuMs.reduce((sum, value) => sum + value, 0) / ROUNDS;
  const share = (cpuPerRound / (INTERVAL_S * 1000)) * 100;
  const busyShare = (cpuMs.reduce((a, b) => a + b, 0) / wallMs.reduce((a, b) => a + b, 0)) * 100;
  const engineShare =
    engineBefore !== null && engineAfter !== null
      ? ((engineAfter - engineBefore) / ROUNDS / INTERVAL_S) * 100
      : null;
  console.log(
    `${ROUNDS} rounds: CPU ${ms(cpuPerRound)} a round (${busyShare.toFixed(1)}% of a core while one runs), round p50 ${ms(percentile(wallMs, 50))}, max ${ms(Math.max(...wallMs))}, ${written} rows; event loop held p99 ${ms(loopP99)}, max ${ms(loopMax)}`,
  );

  // (2) Requests to a server whose sampler is off and to one whose sampler is always mid-round (every 1 s at 100
  // workloads: a round takes longer than that), alternating.
  const serverEnv = { ...appEnv, API_RATE_LIMIT_ANONYMOUS: "10000" };
  const offApp = await startApp({ ...serverEnv, STATS_SAMPLE_INTERVAL_S: "3600" });
  const onApp = await startApp({ ...serverEnv, STATS_SAMPLE_INTERVAL_S: "1" });
  const runs: Timed[] = [];
  let points = 0;
  try {
    // The "off" server's first two rounds (at start and 2 s later) are over before it is timed.
    await sleep(20_000);
    const before = await ctx.db.statsPoint.count();
    // The health check asks the database and the engine; the template list only the database.
    runs.push(await alternate(offApp, onApp, "/api/v1/health", owner.cookie));
    runs.push(await alternate(offApp, onApp, "/api/templates", owner.cookie));
    points = (await ctx.db.statsPoint.count()) - before;
  } finally {
    await offApp.stop();
    await onApp.stop();
  }
  const allowed = (p99: number) => Math.max(p99 + MARGIN_MS, p99 * 1.1);
  for (const run of runs)
    console.log(
      `${run.path}: sampler off p50 ${ms(percentile(run.off, 50))} p99 ${ms(percentile(run.off, 99))}; always sampling p50 ${ms(percentile(run.on, 50))} p99 ${ms(percentile(run.on, 99))}`,
    );
  console.log(`${points} points written meanwhile`);
  await removeLabelled(prefix);
  return [
    {
      metric: `sampler CPU at ${WORKLOADS} running, every ${INTERVAL_S} s (of one core)`,
      value: `${share.toFixed(2)}%`,
      target: `< ${CPU_TARGET}%`,
      ok: verdict(share < CPU_TARGET),
    },
    { metric: "  (sampler CPU a round)", value: ms(cpuPerRound), target: "-", ok: "-" },
    {
      metric: "  (round time p50 / max)",
      value: `${ms(percentile(wallMs, 50))} / ${ms(Math.max(...wallMs))}`,
      target: `< ${INTERVAL_S} s`,
      ok: verdict(Math.max(...wallMs) < INTERVAL_S * 1000),
    },
    {
      metric: "  (event-loop delay during rounds p99 / max)",
      value: `${ms(loopP99)} / ${ms(loopMax)}`,
      target: "-",
      ok: "-",
    },
    {
      metric: "  (rows written a round)",
      value: String(written / ROUNDS),
      target: String(WORKLOADS),
      ok: verdict(written / ROUNDS === WORKLOADS),
    },
    {
      metric: "  (dockerd CPU for those rounds, of one core)",
      value: engineShare === null ? "n/a" : `${engineShare.toFixed(2)}%`,
      target: "-",
      ok: "-",
    },
    ...runs.map((run) => ({
      metric: `GET ${run.path} p50 / p99: sampler off | always sampling`,
      value: `${ms(percentile(run.off, 50))} / ${ms(percentile(run.off, 99))} | ${ms(percentile(run.on, 50))} / ${ms(percentile(run.on, 99))}`,
      target: `p99 ≤ ${ms(allowed(percentile(run.off, 99)))}`,
      ok: verdict(percentile(run.on, 99) <= allowed(percentile(run.off, 99))),
    })),
  ];
}
