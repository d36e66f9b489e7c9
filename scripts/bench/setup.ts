// Bench setup: a built app (waiting out a concurrent rebuild), the app server, and users with sessions
// written straight into the app's SQLite file (lib/db can't be imported here: it is marked "server-only").
import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { type AppServer, startAppServer } from "../../tests/support/app-server";
import { buildRunning } from "./proc";
import { sleep } from "./util";

const BUILD_ID = ".next/BUILD_ID";

async function waitForOtherBuild(): Promise<void> {
  for (let waited = 0; buildRunning() && waited < 300_000; waited += 2000) {
    if (waited === 0) console.log("[bench] a `next build` is running; waiting for it to finish");
    await sleep(2000);
  }
}

export async function ensureBuilt(): Promise<void> {
  await waitForOtherBuild();
  if (existsSync(BUILD_ID)) return;
  console.log("[bench] .next/BUILD_ID missing: running `next build`");
  execFileSync("node_modules/.bin/next", ["build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("hex") },
  });
}

/** Starts the app; if it dies or never gets healthy (e.g. .next rebuilt under it), waits and tries again. */
export async function startApp(env: Record<string, string>): Promise<AppServer> {
  for (let attempt = 1; ; attempt++) {
    let app: AppServer | undefined;
    try {
      await ensureBuilt();
      app = await startAppServer(env);
      const health = await fetch(`${app.url}/api/health`);
      if (health.status >= 500 || app.process.exitCode !== null) throw new Error(`health ${health.status}`);
      return app;
    } catch (error) {
      await app?.stop();
      if (attempt >= 3) throw error;
      console.log(`[bench] app did not start (${(error as Error).message.slice(0, 200)}); retrying in 15 s`);
      await sleep(15_000);
    }
  }
}

export function openDb(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
}

export type BenchUser = { id: string; slug: string; email: string; cookie: string };

let batch = 0;

/** Inserts `count` users (role USER) each with a one-day database session; returns their cookies. */
export async function createUsers(db: PrismaClient, count: number, label: string): Promise<BenchUser[]> {
  batch += 1;
  const run = `${randomBytes(3).toString("hex")}${batch}`;
  const users = Array.from({ length: count }, (_, i) => {
    const slug = `${label}-${run}-${i}`;
    return { id: randomUUID(), slug, email: `${slug}@bench.example.com`, token: randomUUID() };
  });
  const expires = new Date(Date.now() + 86_400_000);
  await db.$transaction([
    db.user.createMany({ data: users.map(({ id, slug, email }) => ({ id, slug, email, role: "USER" })) }),
    db.session.createMany({
      data: users.map((user) => ({ sessionToken: user.token, userId: user.id, expires })),
    }),
  ]);
  return users.map(({ token, ...user }) => ({ ...user, cookie: `authjs.session-token=${token}` }));
}
