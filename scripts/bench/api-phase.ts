// The versioned API with an API token, beside the same list with a session and the engine's own list: one user with
// 20 workspaces (5 running), GET /api/v1/workspaces sequentially with `Authorization: Bearer` and with the session
// cookie, and the labelled list straight through dockerode. What a token costs over a session (its lookup, hash
// and rate-limit count) shows as their ratio. The bench's app runs with a raised API_RATE_LIMIT, so the limit
// itself is not what is measured.
import { newToken, tokenHash, tokenLookup } from "@/lib/tokens/token-format";
import { managedSelector } from "@/lib/workspaces/labels";
import type { BenchContext } from "./context";
import { docker, fillContainers } from "./docker";
import { createUsers } from "./setup";
import { ms, percentile, type Row } from "./util";

const WORKSPACES = 20;
const RUNNING = 5;
const SAMPLES = 300;

async function sample(url: string, headers: Record<string, string>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES + 10; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.text();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    if (i >= 10) times.push(performance.now() - started);
  }
  return times;
}

export async function apiPhase(ctx: BenchContext): Promise<Row[]> {
  console.log(`\n== API v1 with a token (${WORKSPACES} workspaces of one user, ${RUNNING} running)`);
  const [user] = await createUsers(ctx.db, 1, "api");
  if (!user) throw new Error("no bench user");
  const template = await ctx.db.template.findUniqueOrThrow({ where: { name: "dev" } });
  const workspaces = Array.from({ length: WORKSPACES }, (_, i) => ({
    owner: user,
    id: `wapi${i}x${user.id.slice(0, 8)}`,
    name: `api-${i}`,
  }));
  const made = await fillContainers(ctx.env, workspaces, RUNNING);
  await ctx.db.workspace.createMany({
    data: made.map((w) => ({
      id: w.id,
      ownerId: user.id,
      name: w.name,
      displayName: w.name,
      templateId: template.id,
      routeKey: `${user.slug}-${w.name}`,
      runtimeId: w.containerId,
      workloadName: w.workloadName,
      volumeName: w.volumeName,
    })),
  });
  const token = newToken();
  await ctx.db.apiToken.create({
    data: {
      userId: user.id,
      name: "bench",
      lookup: tokenLookup(token),
      hash: tokenHash(token),
      scopes: "workspaces:read",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const url = `${ctx.app.url}/api/v1/workspaces?limit=100`;
  const byToken = await sample(url, { authorization: `Bearer ${token}` });
  const bySession = await sample(url, { cookie: user.cookie });
  const labels = Object.entries(managedSelector(ctx.env.LABEL_PREFIX, user.id)).map(([k, v]) => `${k}=${v}`);
  const raw: number[] = [];
  for (let i = 0; i < 100; i++) {
    const started = performance.now();
    await docker.listContainers({ all: true, filters: { label: labels } });
    raw.push(performance.now() - started);
  }
  const p50 = (times: number[]) => percentile(times, 50);
  const p95 = (times: number[]) => percentile(times, 95);
  console.log(`token   p50 ${ms(p50(byToken))} p95 ${ms(p95(byToken))}`);
  console.log(`session p50 ${ms(p50(bySession))} p95 ${ms(p95(bySession))}`);
  console.log(`raw docker list p50 ${ms(p50(raw))} p95 ${ms(p95(raw))}`);
  return [
    {
      metric: "v1 list (20) with a token p50 / p95",
      value: `${ms(p50(byToken))} / ${ms(p95(byToken))}`,
      target: "-",
      ok: "-",
    },
    {
      metric: "v1 list (20) with a session p50 / p95",
      value: `${ms(p50(bySession))} / ${ms(p95(bySession))}`,
      target: "-",
      ok: "-",
    },
    { metric: "raw docker list (20) p50", value: ms(p50(raw)), target: "-", ok: "-" },
    {
      metric: "token / session p50",
      value: (p50(byToken) / p50(bySession)).toFixed(2),
      target: "-",
      ok: "-",
    },
    {
      metric: "v1 list with a token / raw docker p50",
      value: (p50(byToken) / p50(raw)).toFixed(2),
      target: "-",
      ok: "-",
    },
  ];
}
