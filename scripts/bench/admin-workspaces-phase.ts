// The admin's workspace list with 1,000 workspaces of 200 users: GET /admin/workspaces rendered on the server as an
// admin, the first page and a filtered, sorted one (p50/p95, target p95 < 300 ms). Every workspace has a real
// container (created, 50 of them running, so the runtime list and the stats sampler do their real work); the rows
// are inserted directly. The same labelled list straight through dockerode is the yardstick: the engine's share.
import type { BenchContext } from "./context";
import { docker, fillContainers, removeLabelled } from "./docker";
import { createUsers } from "./setup";
import { ms, percentile, type Row, sleep, verdict } from "./util";

const USERS = 200;
const PER_USER = 5;
const RUNNING = 50;
const SAMPLES = 100;
const WARM_UP = 5;
const TARGET_MS = 300;

async function sample(
  url: string,
  cookie: string,
  expected = 'data-testid="admin-workspace-row"',
): Promise<{ times: number[]; failures: number }> {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    const html = await response.text();
    const ok = response.status === 200 && html.includes(expected);
    return { ms: performance.now() - started, ok };
  };
  for (let i = 0; i < WARM_UP; i++) await once();
  const times: number[] = [];
  let failures = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const result = await once();
    times.push(result.ms);
    if (!result.ok) failures += 1;
  }
  return { times, failures };
}

export async function adminWorkspacesPhase(ctx: BenchContext): Promise<Row[]> {
  const total = USERS * PER_USER;
  console.log(`\n== Admin workspaces page with ${total} workspaces of ${USERS} users`);
  // Exactly these workspaces: what earlier phases left (rows and containers) goes first.
  const prefix = ctx.env.LABEL_PREFIX;
  const removed = await removeLabelled(prefix);
  await ctx.db.keptVolume.deleteMany({});
  await ctx.db.workspace.deleteMany({});
  if (removed > 0) console.log(`removed ${removed} containers of earlier phases`);

  const users = await createUsers(ctx.db, USERS, "adm");
  const [admin] = await createUsers(ctx.db, 1, "boss");
  if (!admin) throw new Error("no admin");
  await ctx.db.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
  const templates = await ctx.db.template.findMany({ where: { name: { in: ["dev", "prod"] } } });
  const templateOf = (i: number) => templates[i % templates.length]?.id ?? "";
  const wanted = users.flatMap((owner, u) =>
    Array.from({ length: PER_USER }, (_, j) => ({
      owner,
      id: `wadm${u}x${j}x${owner.id.slice(0, 8)}`,
      name: `ws-${j}`,
    })),
  );
  const fillStarted = performance.now();
  const made = await fillContainers(ctx.env, wanted, RUNNING);
  await ctx.db.workspace.createMany({
    data: made.map((w, i) => ({
      id: w.id,
      ownerId: w.owner.id,
      name: w.name,
      displayName: w.name,
      templateId: templateOf(i),
      routeKey: `${w.owner.slug}-${w.name}`,
      runtimeId: w.containerId,
      workloadName: w.workloadName,
      volumeName: w.volumeName,
      // Spread over the last week, so "last activity" sorts something real.
      lastUsedAt: new Date(Date.now() - ((i * 7919) % (7 * 86_400)) * 1000),
    })),
  });
  console.log(`created ${made.length} workspaces and containers in ${ms(performance.now() - fillStarted)}`);

  const first = `${ctx.app.url}/admin/workspaces`;
  // A filter that still matches many (all of one template in a part of the users), sorted by a sampled column.
  const runTag = users[0]?.slug.split("-").slice(0, 2).join("-") ?? "adm";
  const filtered = `${ctx.app.url}/admin/workspaces?owner=${runTag}&template=dev&sort=memory&page=2`;
  const check = await fetch(first, { headers: { cookie: admin.cookie } });
  const html = await check.text();
  const shown = html.match(/data-testid="admin-workspace-row"/g)?.length ?? 0;
  if (check.status !== 200 || shown !== 50)
    throw new Error(`admin page answered ${check.status} with ${shown} rows: ${html.slice(0, 300)}`);
  // The first view started the sampler: give it two rounds, so CPU and memory are there to sort by.
  await sleep(8000);

  const firstPage = await sample(first, admin.cookie);
  const filteredPage = await sample(filtered, admin.cookie);
  // The same use case as JSON (no page render): what rendering the page adds.
  const api = await sample(`${ctx.app.url}/api/v1/admin/workspaces`, admin.cookie, '"workspaces"');
  const raw: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    await docker.listContainers({ all: true, filters: { label: [`${prefix}.managed-by=spawner`] } });
    raw.push(performance.now() - started);
  }
  const line = (name: string, result: { times: number[]; failures: number }) =>
    console.log(
      `${name} p50 ${ms(percentile(result.times, 50))} p95 ${ms(percentile(result.times, 95))} (${SAMPLES} sequential, ${result.failures} failed)`,
    );
  line("GET /admin/workspaces (first page)", firstPage);
  line("GET /admin/workspaces (filtered, sorted by memory, page 2)", filteredPage);
  line("GET /api/v1/admin/workspaces (the same list as JSON)", api);
  console.log(
    `raw docker list of those ${total}: p50 ${ms(percentile(raw, 50))} p95 ${ms(percentile(raw, 95))}`,
  );
  const p95 = (result: { times: number[] }) => percentile(result.times, 95);
  const rowsOf = (label: string, result: { times: number[]; failures: number }): Row[] => [
    {
      metric: `admin workspaces page ${label} p50`,
      value: ms(percentile(result.times, 50)),
      target: "-",
      ok: "-",
    },
    {
      metric: `admin workspaces page ${label} p95`,
      value: ms(p95(result)),
      target: `< ${TARGET_MS} ms`,
      ok: verdict(p95(result) < TARGET_MS && result.failures === 0),
    },
  ];
  return [
    ...rowsOf(`@${total} (first page)`, firstPage),
    ...rowsOf("(filtered + sorted)", filteredPage),
    { metric: "  (the list as JSON, p95)", value: ms(p95(api)), target: "-", ok: "-" },
    { metric: `  (raw docker list of ${total} p50)`, value: ms(percentile(raw, 50)), target: "-", ok: "-" },
    { metric: `  (raw docker list of ${total} p95)`, value: ms(percentile(raw, 95)), target: "-", ok: "-" },
  ];
}
