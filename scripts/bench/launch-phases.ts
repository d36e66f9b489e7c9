// Launch phases: raw-vs-app latency (alternating, so drift hits both equally), a burst of 20, and 100 launches.
import { launchViaApp, timedAppLaunch } from "./app";
import type { BenchContext } from "./context";
import { rawLaunch, removeContainer } from "./docker";
import { logMemory, type Memory, treeMemory } from "./proc";
import { createUsers } from "./setup";
import { mapPool, ms, percentile, pollUntil200, type Row, sleep, verdict } from "./util";

export async function launchLatency(ctx: BenchContext, rounds: number): Promise<Row[]> {
  console.log(`\n== Launch latency: ${rounds} rounds alternating A (raw Docker) and B (the app)`);
  const users = await createUsers(ctx.db, rounds + 1, "lat");
  // One untimed warm-up each: the app's first request loads the route and opens its DB and Docker clients.
  const warmA = await rawLaunch(ctx.env);
  await removeContainer(warmA.id);
  const warmB = await timedAppLaunch(ctx.app.url, users[rounds] as (typeof users)[number]);
  await removeContainer(warmB.id);
  console.log(`warm-up (not counted): A ${ms(warmA.ms)}, B ${ms(warmB.ms)}`);
  const raw: number[] = [];
  const app: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const a = await rawLaunch(ctx.env);
    await removeContainer(a.id);
    const b = await timedAppLaunch(ctx.app.url, users[round] as (typeof users)[number]);
    await removeContainer(b.id);
    raw.push(a.ms);
    app.push(b.ms);
    console.log(
      `round ${String(round + 1).padStart(2)}: A ${ms(a.ms).padStart(9)}  B ${ms(b.ms).padStart(9)}`,
    );
  }
  const ratio = percentile(app, 50) / percentile(raw, 50);
  console.log(`A p50 ${ms(percentile(raw, 50))} p95 ${ms(percentile(raw, 95))}`);
  console.log(
    `B p50 ${ms(percentile(app, 50))} p95 ${ms(percentile(app, 95))}; B/A medians ${ratio.toFixed(3)}`,
  );
  return [
    { metric: "launch A raw docker p50", value: ms(percentile(raw, 50)), target: "-", ok: "-" },
    { metric: "launch A raw docker p95", value: ms(percentile(raw, 95)), target: "-", ok: "-" },
    { metric: "launch B app p50", value: ms(percentile(app, 50)), target: "-", ok: "-" },
    { metric: "launch B app p95", value: ms(percentile(app, 95)), target: "-", ok: "-" },
    {
      metric: "launch ratio B/A (p50)",
      value: ratio.toFixed(3),
      target: "<= 1.10",
      ok: verdict(ratio <= 1.1),
    },
  ];
}

export async function burstOf20(ctx: BenchContext): Promise<Row[]> {
  console.log("\n== 20 users launching at once");
  // Reference: the same burst straight at the engine, to tell Docker's own serialisation from the app's.
  const rawStarted = performance.now();
  const raw = await Promise.all(Array.from({ length: 20 }, () => rawLaunch(ctx.env)));
  const rawWall = performance.now() - rawStarted;
  await mapPool(raw, 8, (sample) => removeContainer(sample.id));
  console.log(`raw docker: 20 concurrent create+start+serving in ${ms(rawWall)}`);
  const users = await createUsers(ctx.db, 20, "burst");
  const started = performance.now();
  const answers = await Promise.all(
    users.map(async (user) => ({
      ...(await launchViaApp(ctx.app.url, user)),
      at: performance.now() - started,
    })),
  );
  const answered = performance.now() - started;
  const good = answers.filter((answer) => answer.status === 200 && answer.serviceUrl && answer.containerId);
  for (const bad of answers.filter((answer) => !good.includes(answer)))
    console.log(`  ${bad.status}: ${bad.body}`);
  const distinct = new Set(good.map((answer) => answer.containerId)).size;
  const served = await Promise.allSettled(
    good.map((answer) => pollUntil200(String(answer.serviceUrl), 30_000)),
  );
  const serving = performance.now() - started;
  const servedCount = served.filter((result) => result.status === "fulfilled").length;
  const times = answers.map((answer) => answer.at);
  console.log(
    `all answered after ${ms(answered)} (first ${ms(Math.min(...times))}); all serving after ${ms(serving)}`,
  );
  console.log(
    `HTTP 200: ${good.length}/20, distinct container ids: ${distinct}/20, serving: ${servedCount}/20`,
  );
  await mapPool(good, 8, (answer) => removeContainer(String(answer.containerId)));
  return [
    { metric: "burst 20: wall time all answered", value: ms(answered), target: "-", ok: "-" },
    { metric: "burst 20: wall time all serving", value: ms(serving), target: "-", ok: "-" },
    { metric: "  (raw docker burst 20, all serving)", value: ms(rawWall), target: "-", ok: "-" },
    {
      metric: "burst 20: HTTP 200",
      value: `${good.length}/20`,
      target: "20/20",
      ok: verdict(good.length === 20),
    },
    {
      metric: "burst 20: distinct container ids",
      value: `${distinct}/20`,
      target: "20/20",
      ok: verdict(distinct === 20),
    },
    {
      metric: "burst 20: service URLs answer",
      value: `${servedCount}/20`,
      target: "20/20",
      ok: verdict(servedCount === 20),
    },
  ];
}

/** 100 fresh users launch dev, 10 at a time; containers go after each batch; RSS read after a 3 s settle. */
export async function hundredLaunches(ctx: BenchContext): Promise<{ rows: Row[]; memory: Memory }> {
  console.log("\n== 100 launches (10 at a time), then server memory");
  const users = await createUsers(ctx.db, 100, "mem");
  const times: number[] = [];
  let failures = 0;
  for (let batch = 0; batch < 100; batch += 10) {
    const answers = await Promise.all(
      users.slice(batch, batch + 10).map(async (user) => {
        const started = performance.now();
        const answer = await launchViaApp(ctx.app.url, user);
        times.push(performance.now() - started);
        return answer;
      }),
    );
    failures += answers.filter((answer) => answer.status !== 200).length;
    await mapPool(answers, 8, async (answer) =>
      answer.containerId ? removeContainer(answer.containerId) : undefined,
    );
  }
  await sleep(3000);
  const memory = treeMemory(Number(ctx.app.process.pid));
  console.log(
    `launch POST p50 ${ms(percentile(times, 50))} p95 ${ms(percentile(times, 95))}, failures ${failures}`,
  );
  logMemory("RSS after 100 launches", memory);
  return {
    memory,
    rows: [
      { metric: "100 launches (x10): POST p50", value: ms(percentile(times, 50)), target: "-", ok: "-" },
      { metric: "100 launches: non-200", value: String(failures), target: "0", ok: verdict(failures === 0) },
    ],
  };
}
