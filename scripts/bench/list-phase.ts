// Listing with 1,000 workspaces on the engine (and in the database): 250 users with their dev and prod slots and
// one user with 500 workspaces, 50 of them running. GET /api/user/containers for a slot user and GET
// /api/workspaces for the 500-workspace user; the same labelled list straight through dockerode is measured too,
// to tell the engine's share from the app's.
import { managedSelector } from "@/lib/workspaces/labels";
import { listViaApp } from "./app";
import type { BenchContext } from "./context";
import { docker, fillContainers } from "./docker";
import { createUsers } from "./setup";
import { ms, percentile, type Row, verdict } from "./util";

const SLOT_USERS = 250;
const BIG_OWNER_WORKSPACES = 500;
const RUNNING = 50;
const SAMPLES = 200;
const WARM_UP = 10;

async function sample(url: string, cookie: string): Promise<{ times: number[]; failures: number }> {
  for (let i = 0; i < WARM_UP; i++) await fetch(url, { headers: { cookie } }).then((r) => r.text());
  const times: number[] = [];
  let failures = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.text();
    times.push(performance.now() - started);
    if (response.status !== 200) failures += 1;
  }
  return { times, failures };
}

export async function listAt1000(ctx: BenchContext): Promise<Row[]> {
  console.log(`\n== Listing with ${SLOT_USERS * 2 + BIG_OWNER_WORKSPACES} workspaces`);
  const users = await createUsers(ctx.db, SLOT_USERS + 1, "fill");
  const big = users[SLOT_USERS];
  const slotUser = users[0];
  if (!big || !slotUser) throw new Error("no users to measure");
  const template = await ctx.db.template.findUniqueOrThrow({ where: { name: "dev" } });
  const workspaces = [
    ...Array.from({ length: BIG_OWNER_WORKSPACES }, (_, i) => ({
      owner: big,
      id: `wbig${i}x${big.id.slice(0, 8)}`,
      name: `ws-${i}`,
    })),
    ...users
      .slice(0, SLOT_USERS)
      .flatMap((owner, i) =>
        ["dev", "prod"].map((name) => ({ owner, id: `wslot${i}${name}x${owner.id.slice(0, 8)}`, name })),
      ),
  ];
  const fillStarted = performance.now();
  const made = await fillContainers(ctx.env, workspaces, RUNNING);
  // The rows the app would have written, so its queries find real data for every owner.
  await ctx.db.workspace.createMany({
    data: made.map((w) => ({
      id: w.id,
      ownerId: w.owner.id,
      name: w.name,
      displayName: w.name,
      templateId: template.id,
      routeKey: `${w.owner.slug}-${w.name}`,
      runtimeId: w.containerId,
      workloadName: w.workloadName,
      volumeName: w.volumeName,
    })),
  });
  const prefix = ctx.env.LABEL_PREFIX;
  const present = await docker.listContainers({
    all: true,
    filters: { label: [`${prefix}.managed-by=spawner`] },
  });
  console.log(
    `created ${made.length} workspaces (${present.length} managed containers) in ${ms(performance.now() - fillStarted)}`,
  );

  const check = await listViaApp(ctx.app.url, slotUser);
  if (check.status !== 200) throw new Error(`list answered ${check.status}: ${check.body.slice(0, 300)}`);
  console.log(`sample answer: ${check.body.slice(0, 200)}...`);
  const slots = await sample(`${ctx.app.url}/api/user/containers`, slotUser.cookie);
  const many = await sample(`${ctx.app.url}/api/workspaces`, big.cookie);
  const raw: number[] = [];
  const selector = managedSelector(prefix, big.id);
  const labels = Object.entries(selector).map(([key, value]) => `${key}=${value}`);
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    await docker.listContainers({ all: true, filters: { label: labels } });
    raw.push(performance.now() - started);
  }
  const line = (name: string, result: { times: number[]; failures: number }) =>
    console.log(
      `${name} p50 ${ms(percentile(result.times, 50))} p95 ${ms(percentile(result.times, 95))} (${SAMPLES} sequential, ${result.failures} non-200)`,
    );
  line("GET /api/user/containers", slots);
  line(`GET /api/workspaces (${BIG_OWNER_WORKSPACES} of one user)`, many);
  console.log(
    `raw docker list of those ${BIG_OWNER_WORKSPACES}: p50 ${ms(percentile(raw, 50))} p95 ${ms(percentile(raw, 95))}`,
  );
  const p95 = (result: { times: number[] }) => percentile(result.times, 95);
  return [
    {
      metric: "list slots @1000 workspaces p50",
      value: ms(percentile(slots.times, 50)),
      target: "-",
      ok: "-",
    },
    {
      metric: "list slots @1000 workspaces p95",
      value: ms(p95(slots)),
      target: "< 50 ms",
      ok: verdict(p95(slots) < 50 && slots.failures === 0),
    },
    {
      metric: `list ${BIG_OWNER_WORKSPACES} own workspaces p50`,
      value: ms(percentile(many.times, 50)),
      target: "-",
      ok: "-",
    },
    // No target: the engine's own list of that many containers takes longer than 50 ms (the row below).
    {
      metric: `list ${BIG_OWNER_WORKSPACES} own workspaces p95`,
      value: ms(p95(many)),
      target: "-",
      ok: many.failures === 0 ? "-" : "NO",
    },
    {
      metric: `  (raw docker list of ${BIG_OWNER_WORKSPACES} p50)`,
      value: ms(percentile(raw, 50)),
      target: "-",
      ok: "-",
    },
  ];
}
