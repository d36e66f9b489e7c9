// Performance report for Spawner: raw Docker vs the app's launch, the container list at 1,000 containers,
// a burst of 20 launches, server memory, the admin's workspace page at 1,000 workspaces of 200 users, and a launch on a
// 3-node Swarm lab vs raw `docker service create`. Run: npm run bench (BENCH_ROUNDS=15, BENCH_SWARM_ROUNDS=10 by default).
// It always cleans up (containers, network, server, temp DB) and exits 0 when it ran through, even if targets
// are missed: it is a report. It exits non-zero only when something crashed.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import type { PrismaClient } from "@prisma/client";
import { parseEnv } from "@/lib/env";
import type { AppServer } from "../tests/support/app-server";
import { createTestDatabase } from "../tests/support/database";
import { buildTestImage } from "../tests/support/test-image";
import { adminWorkspacesPhase } from "./bench/admin-workspaces-phase";
import { apiPhase } from "./bench/api-phase";
import { cullerPhase } from "./bench/culler-phase";
import { ensureNetwork, removeLabelled, removeNetwork } from "./bench/docker";
import { forwardAuthPhase } from "./bench/forward-auth-phase";
import { burstOf20, hundredLaunches, launchLatency } from "./bench/launch-phases";
import { listAt1000 } from "./bench/list-phase";
import { logViewerPhase } from "./bench/log-viewer-phase";
import { platformHistoryPhase } from "./bench/platform-history-phase";
import { logMemory, treeMemory } from "./bench/proc";
import { samplerPhase } from "./bench/sampler-phase";
import { openDb, startApp } from "./bench/setup";
import { stopSwarmPhase, swarmPhase } from "./bench/swarm-phase";
import { mb, ms, printTable, type Row, sleep, verdict } from "./bench/util";

const PREFIX = "spawner-bench";
const rounds = Math.max(1, Number.parseInt(process.env.BENCH_ROUNDS ?? "", 10) || 15);
const swarmRounds = Math.max(1, Number.parseInt(process.env.BENCH_SWARM_ROUNDS ?? "", 10) || 10);
const rows: Row[] = [];
const state: { app?: AppServer; db?: PrismaClient; dbDir?: string } = {};

async function main(): Promise<void> {
  const began = performance.now();
  // BENCH_ONLY=swarm: its own lab, app and database; nothing of the single-engine set-up is needed.
  if (process.env.BENCH_ONLY === "swarm") {
    rows.push(...(await swarmPhase(swarmRounds)));
    return;
  }
  console.log("[bench] building the test image");
  const image = buildTestImage();
  const database = createTestDatabase("bench");
  state.dbDir = database.dir;
  const appEnv = {
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    LABEL_PREFIX: PREFIX,
    CONTAINER_NETWORK: PREFIX,
    USER_TEMPLATE_IMAGE_DEV: image,
    USER_TEMPLATE_IMAGE_PROD: image,
    INGRESS: "local",
    // The API phase measures requests, not the per-token limit (100 a minute by default).
    API_RATE_LIMIT: "10000",
  };
  // The same settings the server parses, so the raw baseline builds byte-identical create options.
  const env = parseEnv({ ...process.env, NODE_ENV: "production", ...appEnv });
  const leftovers = await removeLabelled(PREFIX);
  if (leftovers > 0) console.log(`[bench] removed ${leftovers} containers left by an earlier run`);
  await ensureNetwork(PREFIX);
  state.db = openDb(database.url);

  console.log("[bench] starting the app");
  const app = await startApp(appEnv);
  state.app = app;
  console.log(`[bench] app at ${app.url} (pid ${app.process.pid}); settling 3 s`);
  await sleep(3000);
  const idle = treeMemory(Number(app.process.pid));
  logMemory("RSS idle", idle);
  const ctx = { env, app, db: state.db };
  // BENCH_ONLY=forward-auth, api, logs, sampler, platform-history or admin-workspaces (with the culler's pass) runs that
  // phase alone (for working on it).
  if (process.env.BENCH_ONLY === "forward-auth") {
    rows.push(...(await forwardAuthPhase(ctx, appEnv)));
    return;
  }
  if (process.env.BENCH_ONLY === "api") {
    rows.push(...(await apiPhase(ctx)));
    return;
  }
  if (process.env.BENCH_ONLY === "logs") {
    rows.push(...(await logViewerPhase(ctx)));
    return;
  }
  if (process.env.BENCH_ONLY === "sampler") {
    rows.push(...(await samplerPhase(ctx, appEnv)));
    return;
  }
  if (process.env.BENCH_ONLY === "platform-history") {
    rows.push(...(await platformHistoryPhase(ctx, appEnv)));
    return;
  }
  if (process.env.BENCH_ONLY === "admin-workspaces") {
    rows.push(...(await adminWorkspacesPhase(ctx)));
    rows.push(...(await cullerPhase(ctx, appEnv)));
    return;
  }

  rows.push(...(await launchLatency(ctx, rounds)));
  rows.push(...(await burstOf20(ctx)));
  const hundred = await hundredLaunches(ctx);
  rows.push(...hundred.rows);
  rows.push(
    {
      metric: "server RSS idle",
      value: mb(idle.totalKb),
      target: "< 150 MB",
      ok: verdict(idle.totalKb < 150 * 1024),
    },
    { metric: "server RSS after 100 launches", value: mb(hundred.memory.totalKb), target: "-", ok: "-" },
  );
  rows.push(...(await listAt1000(ctx)));
  rows.push(...(await forwardAuthPhase(ctx, appEnv)));
  rows.push(...(await apiPhase(ctx)));
  // Last: it replaces the earlier phases' workspaces with its own 1,000.
  rows.push(...(await adminWorkspacesPhase(ctx)));
  // On the admin phase's 1,000 workspaces.
  rows.push(...(await cullerPhase(ctx, appEnv)));
  rows.push(...(await logViewerPhase(ctx)));
  // Its own servers (it stops the bench's), with 100 running containers of its own in place of the admin phase's.
  rows.push(...(await samplerPhase(ctx, appEnv)));
  // On the sampler phase's 100 workspace rows: 30 days of their rollups, read in this process.
  rows.push(...(await platformHistoryPhase(ctx, appEnv)));
  // Its own app on its own lab: the single-engine app is stopped first, so the two don't share the cores.
  await state.app?.stop();
  rows.push(...(await swarmPhase(swarmRounds)));
  console.log(`\n[bench] measurements done in ${ms(performance.now() - began)}`);
}

async function step(name: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    console.error(`[bench] cleanup: ${name} failed: ${(error as Error).message}`);
  }
}

let cleaning: Promise<void> | undefined;

/** Server first (so no launch lands after the sweep), then containers, network, DB client and DB dir. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    console.log("\n[bench] cleaning up");
    await step("stop the swarm lab", stopSwarmPhase);
    await step("stop the app", async () => state.app?.stop());
    await step("remove containers", async () =>
      console.log(`[bench] removed ${await removeLabelled(PREFIX)} containers`),
    );
    await step("remove the network", () => removeNetwork(PREFIX));
    await step("close the database", async () => state.db?.$disconnect());
    await step(
      "delete the database",
      async () => state.dbDir && rmSync(state.dbDir, { recursive: true, force: true }),
    );
  })();
  return cleaning;
}

let interrupted = false;
let finishing: Promise<never> | undefined;

/** Runs once, whoever comes first (the end of main or a signal): clean up, print the table, exit. */
function finish(code: number): Promise<never> {
  finishing ??= (async () => {
    await cleanup();
    const note = code === 130 ? " — INTERRUPTED" : code !== 0 ? " — INCOMPLETE, the bench crashed" : "";
    const counted =
      process.env.BENCH_ONLY === "swarm"
        ? `${swarmRounds} Swarm rounds`
        : `${rounds} launch rounds, ${swarmRounds} Swarm rounds`;
    console.log(`\n== Summary (${counted})${note}`);
    printTable(rows);
    process.exit(code);
  })();
  return finishing;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n[bench] ${signal}: cleaning up before exit`);
    void finish(130);
  });
}

try {
  await main();
  await finish(0);
} catch (error) {
  // After a signal, failures are the cleanup pulling things away under a running phase, not a crash.
  if (!interrupted) {
    console.error("\n[bench] CRASHED:", error);
    const output = state.app?.output() ?? "";
    if (output) console.error(`[bench] last app server output:\n${output.slice(-3000)}`);
  }
  await finish(interrupted ? 130 : 1);
}
