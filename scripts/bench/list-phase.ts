// GET /api/user/containers with 1,000 managed containers on the engine (500 users x dev+prod, 50 running).
// The same labelled list straight through dockerode is measured too, to tell the engine's share from the app's.
import { managedFilter } from "@/lib/runtime/labels";
import { listViaApp } from "./app";
import type { BenchContext } from "./context";
import { docker, fillContainers } from "./docker";
import { createUsers } from "./setup";
import { ms, percentile, type Row, verdict } from "./util";

const USERS = 500;
const RUNNING = 50;
const SAMPLES = 200;
const WARM_UP = 10;

export async function listAt1000(ctx: BenchContext): Promise<Row[]> {
  console.log(`\n== GET /api/user/containers with ${USERS * 2} managed containers`);
  const users = await createUsers(ctx.db, USERS, "fill");
  const fillStarted = performance.now();
  const made = await fillContainers(ctx.env, users, RUNNING);
  // The rows the app would have written, so its DB query finds real data for every owner.
  await ctx.db.userContainer.createMany({
    data: made.map((slot) => ({
      userId: slot.owner.id,
      containerType: slot.type,
      containerId: slot.id,
      containerName: slot.name,
      image: ctx.env.USER_TEMPLATE_IMAGE_DEV,
    })),
  });
  const prefix = ctx.env.LABEL_PREFIX;
  const present = await docker.listContainers({ all: true, filters: managedFilter(prefix) });
  const running = present.filter((info) => info.State === "running").length;
  console.log(
    `created ${made.length} containers (${running} running, ${present.length} managed in total) in ${ms(performance.now() - fillStarted)}`,
  );

  const user = users[0];
  if (!user) throw new Error("no user to measure");
  for (let i = 0; i < WARM_UP; i++) await listViaApp(ctx.app.url, user);
  const check = await listViaApp(ctx.app.url, user);
  if (check.status !== 200) throw new Error(`list answered ${check.status}: ${check.body.slice(0, 300)}`);
  console.log(`sample answer: ${check.body.slice(0, 200)}...`);
  const app: number[] = [];
  let failures = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    const answer = await listViaApp(ctx.app.url, user);
    app.push(performance.now() - started);
    if (answer.status !== 200) failures += 1;
  }
  const raw: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    await docker.listContainers({ all: true, filters: managedFilter(prefix, user.id) });
    raw.push(performance.now() - started);
  }
  const p95 = percentile(app, 95);
  console.log(
    `app  p50 ${ms(percentile(app, 50))} p95 ${ms(p95)} (${SAMPLES} sequential, ${failures} non-200)`,
  );
  console.log(`raw docker list, same filter: p50 ${ms(percentile(raw, 50))} p95 ${ms(percentile(raw, 95))}`);
  return [
    { metric: "list @1000 p50", value: ms(percentile(app, 50)), target: "-", ok: "-" },
    { metric: "list @1000 p95", value: ms(p95), target: "< 50 ms", ok: verdict(p95 < 50 && failures === 0) },
    { metric: "  (raw docker list same filter p50)", value: ms(percentile(raw, 50)), target: "-", ok: "-" },
    { metric: "  (raw docker list same filter p95)", value: ms(percentile(raw, 95)), target: "-", ok: "-" },
  ];
}
