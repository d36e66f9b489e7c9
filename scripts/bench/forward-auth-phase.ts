// Forward-auth is the hot path of subdomain routing: every request to every workspace app waits for it. At 50
// connections, side by side in one run: a static asset from the same server (the yardstick), forward-auth for a
// signed-in owner (with the host's cookie), and two refusals (another workspace's cookie: the handshake redirect;
// a POST without a cookie: 401). Targets: the owner's throughput >= 0.8x the asset's, p99 < 10 ms, and a refusal
// no costlier than an allowance.
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import type { AppServer } from "../../tests/support/app-server";
import type { BenchContext } from "./context";
import { createUsers, startApp } from "./setup";
import { ms, type Row, verdict } from "./util";

const DOMAIN = "ws.bench";
const CONNECTIONS = 50;
const SECONDS = 4;
// Allowed and refused requests are measured in alternating rounds and each kind's median is kept: one slow moment of
// a shared machine then can't make one side look costlier than the other.
const ROUNDS = 3;

type Result = { rps: number; p99: number; non2xx: number; statuses: Record<string, number> };

async function load(
  url: string,
  headers: Record<string, string>,
  method: "GET" | "POST" = "GET",
): Promise<Result> {
  const result = await autocannon({
    url,
    headers,
    method,
    connections: CONNECTIONS,
    duration: SECONDS,
    pipelining: 1,
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    statuses: { "2xx": result["2xx"], "3xx": result["3xx"], "4xx": result["4xx"], "5xx": result["5xx"] },
  };
}

/** The round with the median throughput (its p99 and statuses with it). */
function median(results: Result[]): Result {
  const sorted = [...results].sort((a, b) => a.rps - b.rps);
  return sorted[Math.floor(sorted.length / 2)] ?? { rps: 0, p99: 0, non2xx: 0, statuses: {} };
}

/** A workspace row of the user's with a host key, and the host's cookie got through the real handshake. */
async function signedIn(ctx: BenchContext, app: AppServer) {
  const [user] = await createUsers(ctx.db, 1, "fa");
  if (!user) throw new Error("no bench user");
  const template = await ctx.db.template.findUniqueOrThrow({ where: { name: "dev" } });
  const workspaces = await Promise.all(
    ["one", "two"].map((name) => {
      const id = `wfa${randomBytes(6).toString("hex")}`;
      return ctx.db.workspace.create({
        data: {
          id,
          ownerId: user.id,
          name,
          displayName: name,
          templateId: template.id,
          routeKey: `${user.slug}-${name}`,
          hostKey: `${user.slug}-${name}`,
          workloadName: `ws-${id}`,
          volumeName: `ws-${id}`,
        },
      });
    }),
  );
  const appCookie = `__Host-${user.cookie}`;
  const hostOf = (index: number) => `web--${workspaces[index]?.hostKey}.${DOMAIN}`;
  const start = new URL("/api/workspace-auth/start", app.url);
  start.searchParams.set("host", hostOf(0));
  const issued = await fetch(start, { redirect: "manual", headers: { cookie: appCookie } });
  const handshake = new URL(issued.headers.get("location") ?? "");
  const exchanged = await fetch(`${app.url}/api/forward-auth`, {
    redirect: "manual",
    headers: { "x-forwarded-host": hostOf(0), "x-forwarded-uri": `${handshake.pathname}${handshake.search}` },
  });
  const cookie = (exchanged.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (!cookie.startsWith("__Host-spawner-ws="))
    throw new Error(`handshake gave no cookie (${exchanged.status})`);
  return { cookie, host: hostOf(0), otherHost: hostOf(1), workspaceId: workspaces[0]?.id ?? "" };
}

export async function forwardAuthPhase(ctx: BenchContext, appEnv: Record<string, string>): Promise<Row[]> {
  console.log(
    `\n== Forward-auth at ${CONNECTIONS} connections (subdomain routing), ${ROUNDS} alternating rounds of ${SECONDS} s, medians`,
  );
  const app = await startApp({
    ...appEnv,
    INGRESS: "traefik",
    WORKSPACE_DOMAIN: DOMAIN,
    APP_URL: "https://spawner.bench",
    RECONCILER: "off",
  });
  try {
    const { cookie, host, otherHost, workspaceId } = await signedIn(ctx, app);
    const html = await (await fetch(`${app.url}/login`)).text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    if (!asset) throw new Error("no static asset found on /login");
    const auth = `${app.url}/api/forward-auth?ws=${workspaceId}&app=web`;
    const asked = (forHost: string, extra: Record<string, string> = {}) => ({
      "x-forwarded-host": forHost,
      "x-forwarded-uri": "/static/app.js?v=1",
      "x-forwarded-method": "GET",
      "x-forwarded-proto": "https",
      ...extra,
    });
    // Warm-up (not counted): the first seconds of a fresh server are its JIT's, for both sides alike.
    await load(`${app.url}${asset}`, {});
    await load(auth, asked(host, { cookie }));
    const rounds: Record<"staticAsset" | "owner" | "otherCookie" | "strangerPost", Result[]> = {
      staticAsset: [],
      owner: [],
      otherCookie: [],
      strangerPost: [],
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      rounds.staticAsset.push(await load(`${app.url}${asset}`, {}));
      rounds.owner.push(await load(auth, asked(host, { cookie })));
      rounds.otherCookie.push(await load(`${app.url}/api/forward-auth`, asked(otherHost, { cookie })));
      rounds.strangerPost.push(await load(auth, asked(host, { "x-forwarded-method": "POST" })));
    }
    const staticAsset = median(rounds.staticAsset);
    const owner = median(rounds.owner);
    const otherCookie = median(rounds.otherCookie);
    const strangerPost = median(rounds.strangerPost);
    const line = (name: string, result: Result) =>
      console.log(
        `${name.padEnd(44)} ${result.rps.toFixed(0).padStart(6)} req/s  p99 ${ms(result.p99)}  ${JSON.stringify(result.statuses)}`,
      );
    line("static asset (yardstick)", staticAsset);
    line("forward-auth, owner with the host's cookie", owner);
    line("forward-auth, another workspace's cookie", otherCookie);
    line("forward-auth, POST without a cookie", strangerPost);
    const ratio = owner.rps / staticAsset.rps;
    const deniedRatio = Math.min(otherCookie.rps, strangerPost.rps) / owner.rps;
    return [
      { metric: "static asset req/s @50", value: staticAsset.rps.toFixed(0), target: "-", ok: "-" },
      {
        metric: "forward-auth owner req/s @50",
        value: owner.rps.toFixed(0),
        target: "-",
        ok: verdict(owner.non2xx === 0),
      },
      {
        metric: "forward-auth / static asset",
        value: ratio.toFixed(2),
        target: ">= 0.8",
        ok: verdict(ratio >= 0.8),
      },
      {
        metric: "forward-auth owner p99",
        value: ms(owner.p99),
        target: "< 10 ms",
        ok: verdict(owner.p99 < 10),
      },
      {
        metric: "forward-auth refused req/s (slowest)",
        value: Math.min(otherCookie.rps, strangerPost.rps).toFixed(0),
        target: "-",
        ok: "-",
      },
      {
        metric: "refused / allowed throughput",
        value: deniedRatio.toFixed(2),
        target: ">= 1.0",
        ok: verdict(deniedRatio >= 0.95),
      },
    ];
  } finally {
    await app.stop();
  }
}
