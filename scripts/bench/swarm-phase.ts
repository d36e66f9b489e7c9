// Launch on Swarm: raw `docker service create` through the Engine API (A) vs the app's POST /api/v1/workspaces (B),
// on a 3-node lab, alternating (the order flips every round, so drift and leftovers hit both), timed from the first
// call to the first HTTP answer. Two images: one with its data folder made (nothing to prepare on either side: the
// ratio's target), and the lab's own without it (the app prepares it by a job; raw Swarm leaves it root's).
import type Dockerode from "dockerode";
import { parseEnv } from "@/lib/env";
import { jobName } from "@/lib/runtime/swarm/names";
import type { SwarmTask } from "@/lib/runtime/swarm/shapes";
import { SWARM_LABEL_PREFIX, type SwarmApp, startSwarmApp } from "../../tests/support/swarm-app";
import { LAB_WORKSPACE_IMAGE } from "../../tests/support/swarm-lab";
import { buildDataReadyImage, DATA_READY_IMAGE } from "./swarm-image";
import { pollUntilAnswers, RAW_TASK_POLL_MS, rawSwarmLaunch, removeRawLaunch } from "./swarm-raw";
import { type EventLog, firstAt, recordEvents, Segments, taskTimes } from "./swarm-timeline";
import { ms, percentile, type Row, sleep, verdict } from "./util";

const LAB_PREFIX = process.env.BENCH_SWARM_PREFIX ?? "bench-sw";
const PORT = 8080;
const wall = () => performance.timeOrigin + performance.now();

type Pair = {
  key: string;
  title: string;
  template: "dev" | "prod";
  aDoes: string;
  bDoes: string;
  a: number[];
  b: number[];
  aSegments: Segments;
  bSegments: Segments;
};

const pairs = (): Pair[] => [
  {
    key: "data",
    title: `image ${DATA_READY_IMAGE} (/workspace in the image, the user's)`,
    template: "prod",
    aDoes:
      "A: service create (1 replica, named volume at /workspace, overlay, dnsrr, host port, same limits) + poll task + poll HTTP; nothing to prepare",
    bDoes: "B: POST /api/v1/workspaces (prod template, same image) until 201 + poll its URL; no job needed",
    a: [],
    b: [],
    aSegments: new Segments(),
    bSegments: new Segments(),
  },
  {
    key: "bare",
    title: `image ${LAB_WORKSPACE_IMAGE} (no /workspace in the image)`,
    template: "dev",
    aDoes: "A': the same raw create; its volume's root stays root's: A' does NOT make /workspace the user's",
    bDoes:
      "B': POST /api/v1/workspaces (dev template): the app hands /workspace to the user by a one-shot job",
    a: [],
    b: [],
    aSegments: new Segments(),
    bSegments: new Segments(),
  },
];

let active: SwarmApp | undefined;

/** Stops the app and removes the lab (also from the bench's signal handler); safe to call twice. */
export async function stopSwarmPhase(): Promise<void> {
  const swarm = active;
  active = undefined;
  await swarm?.stop();
}

type Ctx = { swarm: SwarmApp; manager: Dockerode; env: ReturnType<typeof parseEnv>; log: EventLog };

async function serviceOf(manager: Dockerode, workspaceId: string) {
  const [service] = await manager.listServices({
    filters: { label: [`${SWARM_LABEL_PREFIX}.workspace-id=${workspaceId}`] },
  });
  if (!service?.ID) throw new Error(`no service for workspace ${workspaceId}`);
  const tasks = (await manager.listTasks({
    filters: { service: [service.ID], "desired-state": ["running"] },
  })) as unknown as SwarmTask[];
  return { name: service.Spec?.Name ?? "", task: tasks.find((task) => task.Status.State === "running") };
}

/** A: the raw launch, its breakdown, then its removal (untimed). */
async function runA(ctx: Ctx, pair: Pair, record: boolean): Promise<number> {
  const launch = await rawSwarmLaunch(ctx.manager, ctx.swarm.lab.nodes, ctx.env, pair.template, PORT);
  const tasks = (await ctx.manager.listTasks({
    filters: { service: [launch.serviceId] },
  })) as unknown as SwarmTask[];
  const task = taskTimes(tasks.find((candidate) => candidate.Status.State === "running"));
  const { started, created, taskSeen, answered } = launch.marks;
  if (record) {
    const s = pair.aSegments;
    s.add("call -> service created (API answered)", started, created);
    s.add("call -> task created (orchestrator)", started, task.created);
    s.add("task created -> task running", task.created, task.running);
    s.add(`task running -> seen by the poll (${RAW_TASK_POLL_MS} ms) + node`, task.running, taskSeen);
    s.add("seen -> HTTP answers", taskSeen, answered);
  }
  await removeRawLaunch(ctx.manager, launch);
  return launch.ms;
}

/** B: POST until 201, poll its URL; the breakdown from the manager's events; then DELETE (untimed). */
async function runB(ctx: Ctx, pair: Pair, name: string, record: boolean): Promise<number> {
  const started = performance.now();
  const startedWall = wall();
  let answer = await ctx.swarm.api("POST", "/api/v1/workspaces", { name, template: pair.template });
  for (let attempt = 2; answer.status !== 201 && attempt <= 3; attempt++) {
    console.log(`  B ${name}: POST answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    answer = await ctx.swarm.api("POST", "/api/v1/workspaces", { name, template: pair.template });
  }
  if (answer.status !== 201)
    throw new Error(
      `B ${name}: POST answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`,
    );
  const replied = wall();
  const url = (answer.body.apps as { url: string | null }[] | undefined)?.[0]?.url;
  if (!url) throw new Error(`B ${name}: the answer has no app URL`);
  await pollUntilAnswers(url);
  const took = performance.now() - started;
  const answered = wall();
  const id = String(answer.body.id);
  const { name: service, task } = await serviceOf(ctx.manager, id);
  if (record) {
    const times = taskTimes(task);
    const at = (type: string, action: string, of?: string, replicas?: string) =>
      firstAt(
        ctx.log,
        startedWall,
        (e) =>
          e.type === type &&
          e.action === action &&
          (of === undefined || e.name === of) &&
          (replicas === undefined || e.attributes["replicas.new"] === replicas),
        answered,
      );
    const recorded = at("config", "create");
    const created = at("service", "create", service);
    const job = jobName(`${service}-prepare`);
    const jobCreated = at("service", "create", job);
    const jobRemoved = at("service", "remove", job);
    // Swarm's update events name what changed: the scale-up is the one whose replicas.new is 1.
    const scaled = at("service", "update", service, "1");
    const s = pair.bSegments;
    s.add("POST -> volume's node recorded (config)", startedWall, recorded);
    s.add("recorded -> service created (0 replicas)", recorded, created);
    if (Number.isFinite(jobCreated)) {
      s.add("service created -> prepare job created", created, jobCreated);
      s.add("job created -> job removed (ran, logs read)", jobCreated, jobRemoved);
      s.add("job removed -> scaled to 1", jobRemoved, scaled);
    } else s.add("service created -> scaled to 1", created, scaled);
    s.add("scaled to 1 -> task created", scaled, times.created);
    s.add("task created -> task running", times.created, times.running);
    s.add("task running -> 201 (wait loop, probe, view)", times.running, replied);
    s.add("201 -> client's first HTTP answer", replied, answered);
  }
  await deleteWorkspace(ctx, id, name, service);
  return took;
}

// DELETEs that met "volume still in use" and were sent again (the removed service's container stops after the answer),
// and exited prepare-job containers the bench removed because nothing else did (the volume stays in use otherwise).
let deleteRetries = 0;
let jobLeftovers = 0;

/** Exited containers of this workspace's prepare job, on any node: removed, counted. */
async function removeJobLeftovers(ctx: Ctx, service: string): Promise<void> {
  const job = jobName(`${service}-prepare`);
  for (const node of ctx.swarm.lab.nodes) {
    const found = await node.docker.listContainers({
      all: true,
      filters: { label: [`com.docker.swarm.service.name=${job}`], status: ["exited"] },
    });
    for (const container of found) {
      await node.docker.getContainer(container.Id).remove();
      jobLeftovers += 1;
    }
  }
}

/** DELETE with keep_data=false, again while the engine still holds the volume (409), bounded. */
async function deleteWorkspace(ctx: Ctx, id: string, name: string, service: string): Promise<void> {
  const began = Date.now();
  for (const deadline = began + 30_000; ; await sleep(250)) {
    const removed = await ctx.swarm.api("DELETE", `/api/v1/workspaces/${id}?keep_data=false`);
    if (removed.status === 200) return;
    if (removed.status !== 409 || Date.now() > deadline)
      throw new Error(`B ${name}: DELETE answered ${removed.status}: ${JSON.stringify(removed.body)}`);
    deleteRetries += 1;
    // The workload's own container is gone within ~3 s; what holds the volume after that is the job's.
    if (Date.now() - began > 4000) await removeJobLeftovers(ctx, service);
  }
}

function summary(pair: Pair, a: string, b: string): Row[] {
  const ratio = percentile(pair.b, 50) / percentile(pair.a, 50);
  const target = pair.key === "data";
  console.log(`\n${pair.title}`);
  console.log(`  ${a} p50 ${ms(percentile(pair.a, 50))} p95 ${ms(percentile(pair.a, 95))}`);
  console.log(`  ${b} p50 ${ms(percentile(pair.b, 50))} p95 ${ms(percentile(pair.b, 95))}`);
  console.log(`  ${b}/${a} medians ${ratio.toFixed(3)}`);
  pair.aSegments.print(`  where ${a}'s time goes (medians over rounds):`);
  pair.bSegments.print(`  where ${b}'s time goes (medians over rounds, from the manager's events):`);
  const what = target ? "data folder in the image" : "no data folder in the image";
  return [
    {
      metric: `swarm ${a} raw service (${what}) p50`,
      value: ms(percentile(pair.a, 50)),
      target: "-",
      ok: "-",
    },
    { metric: `swarm ${a} raw service p95`, value: ms(percentile(pair.a, 95)), target: "-", ok: "-" },
    { metric: `swarm ${b} app (${what}) p50`, value: ms(percentile(pair.b, 50)), target: "-", ok: "-" },
    { metric: `swarm ${b} app p95`, value: ms(percentile(pair.b, 95)), target: "-", ok: "-" },
    target
      ? {
          metric: `swarm launch ratio ${b}/${a} (p50)`,
          value: ratio.toFixed(3),
          target: "<= 1.10",
          ok: verdict(ratio <= 1.1),
        }
      : {
          metric: `  (${b}/${a}: ${b} runs the prepare job, ${a} leaves /workspace root's)`,
          value: ratio.toFixed(3),
          target: "-",
          ok: "-",
        },
  ];
}

async function measure(swarm: SwarmApp, rounds: number): Promise<Row[]> {
  const manager = swarm.lab.nodes[0]?.docker;
  if (!manager) throw new Error("the lab has no manager");
  // The app's own settings; A's labels get another prefix so the app's reconciler never takes A's services for its own.
  const env = parseEnv({ ...process.env, NODE_ENV: "production", ...swarm.env, LABEL_PREFIX: "bench-raw" });
  const log = await recordEvents(manager);
  const ctx: Ctx = { swarm, manager, env, log };
  const [data, bare] = pairs() as [Pair, Pair];
  try {
    for (const pair of [data, bare]) console.log(`${pair.title}\n  ${pair.aDoes}\n  ${pair.bDoes}`);
    // Untimed warm-ups: the app's first launch makes the overlay and reads each image's user and data folder once.
    const warm = [
      await runB(ctx, bare, "warm-bare", false),
      await runA(ctx, bare, false),
      await runB(ctx, data, "warm-data", false),
      await runA(ctx, data, false),
    ];
    console.log(
      `warm-up (not counted): B' ${ms(warm[0] ?? 0)} A' ${ms(warm[1] ?? 0)} B ${ms(warm[2] ?? 0)} A ${ms(warm[3] ?? 0)}`,
    );
    for (let round = 0; round < rounds; round++) {
      for (const pair of [data, bare]) {
        const aFirst = round % 2 === 0;
        if (aFirst) pair.a.push(await runA(ctx, pair, true));
        pair.b.push(await runB(ctx, pair, `r${round}-${pair.key}`, true));
        if (!aFirst) pair.a.push(await runA(ctx, pair, true));
      }
      const cell = (values: number[]) => ms(values[values.length - 1] ?? Number.NaN).padStart(9);
      console.log(
        `round ${String(round + 1).padStart(2)} (${round % 2 === 0 ? "A first" : "B first"}): A ${cell(data.a)}  B ${cell(data.b)}   |  A' ${cell(bare.a)}  B' ${cell(bare.b)}`,
      );
    }
  } finally {
    log.stop();
  }
  if (deleteRetries > 0)
    console.log(
      `\nnote (untimed): ${deleteRetries} DELETEs answered 409 "volume still in use" and were sent again; ${jobLeftovers} exited prepare-job containers were left on their node and removed by the bench`,
    );
  return [...summary(data, "A", "B"), ...summary(bare, "A'", "B'")];
}

/** The phase: a lab, the app on it, the rounds; the lab always goes at the end. A lab that can't start is a row. */
export async function swarmPhase(rounds: number): Promise<Row[]> {
  console.log(
    `\n== Swarm launch: ${rounds} rounds alternating A (raw service create) and B (the app), lab ${LAB_PREFIX}`,
  );
  const began = performance.now();
  try {
    active = await startSwarmApp({
      prefix: LAB_PREFIX,
      // The prod template runs the data-ready image (built on the lab below), the dev template the lab's own.
      env: { USER_TEMPLATE_IMAGE_PROD: DATA_READY_IMAGE, USER_TEMPLATE_PORT_PROD: String(PORT) },
    });
    await buildDataReadyImage(active.lab);
  } catch (error) {
    await stopSwarmPhase().catch(() => {});
    const reason = (error as Error).message.split("\n")[0]?.slice(0, 160) ?? "unknown";
    console.log(`[bench] swarm phase skipped: ${reason}`);
    return [
      { metric: "swarm launch ratio B/A (p50)", value: `skipped: ${reason}`, target: "<= 1.10", ok: "-" },
    ];
  }
  try {
    const { timings } = active.lab;
    console.log(
      `lab ready in ${ms(timings.totalMs)} (nodes ${ms(timings.nodesReadyMs)}, images ${ms(timings.imageMs)}); app at ${active.app.url}; setup ${ms(performance.now() - began)}`,
    );
    return await measure(active, rounds);
  } finally {
    await stopSwarmPhase();
  }
}
