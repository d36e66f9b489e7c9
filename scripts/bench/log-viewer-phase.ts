// The admin's log viewer at 100,000 lines, the "stays responsive" target: a container that printed 100,000
// lines; the engine's own tail of them (dockerode, with timestamps, as the app asks) next to the app's log API for the
// same tail; then, in Chromium, the container's page loading that tail, a search over it, and scroll jumps, with the
// longest the page's main thread was blocked and how many rows the DOM holds.
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { CHROMIUM_PATH, launchBrowser } from "../../tests/support/chromium";
import type { BenchContext } from "./context";
import { docker } from "./docker";
import { createUsers } from "./setup";
import { ms, percentile, type Row, sleep, verdict } from "./util";

const LINES = 100_000;
const ROUNDS = 5;
const count = (n: number) => n.toLocaleString("en-US");

async function printed(ctx: BenchContext): Promise<string> {
  const container = await docker.createContainer({
    Image: ctx.env.USER_TEMPLATE_IMAGE_DEV,
    Entrypoint: ["/bin/sh", "-c"],
    Cmd: [`seq 1 ${LINES}; while true; do sleep 1; done`],
    // Not a workload of the app's (another value than "spawner"), but removed with the bench's containers.
    Labels: { [`${ctx.env.LABEL_PREFIX}.managed-by`]: "bench-logs" },
    HostConfig: { Init: true },
  });
  await container.start();
  for (let i = 0; i < 200; i += 1) {
    const tail = (await container.logs({ stdout: true, tail: 1 })).toString();
    if (tail.includes(String(LINES))) return container.id;
    await sleep(50);
  }
  throw new Error("the log container did not print its lines");
}

async function median(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

type PageFigures = { loadMs: number; longestTaskMs: number; rows: number; searchMs: number; jumpMs: number };

async function inTheBrowser(browser: Browser, url: string, cookie: string): Promise<PageFigures> {
  const context = await browser.newContext();
  const [name, value] = cookie.split("=") as [string, string];
  // The whole site's cookie, as sign-in sets it (a cookie given only a URL would hold for that page's path alone).
  await context.addCookies([{ name, value, domain: new URL(url).hostname, path: "/" }]);
  const page = await context.newPage();
  const lineCount = page.getByTestId("line-count");
  await page.goto(url);
  await lineCount.filter({ hasText: "1,000 lines loaded" }).waitFor({ timeout: 30_000 });
  // Long tasks (≥ 50 ms of the main thread) from here on: what an admin would feel as a frozen page.
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: "longtask" });
  });
  const loading = performance.now();
  await page.getByLabel("Last lines").selectOption(String(LINES));
  await lineCount.filter({ hasText: `${count(LINES)} lines loaded` }).waitFor({ timeout: 120_000 });
  const loadMs = performance.now() - loading;
  const rows = await page.getByTestId("log-row").count();
  const searching = performance.now();
  await page.getByLabel("Search").fill("42424");
  await page.getByTestId("match-count").filter({ hasText: "1 of 1" }).waitFor();
  const searchMs = performance.now() - searching;
  // No named functions inside: tsx names them with a helper the page does not have.
  const jumpMs = await page.getByTestId("log-viewport").evaluate(async (element) => {
    const started = performance.now();
    for (let jump = 0; jump < 20; jump += 1) {
      element.scrollTop = ((jump * 7919) % 20) * (element.scrollHeight / 20);
      for (let frame = 0; frame < 2; frame += 1)
        await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return (performance.now() - started) / 20;
  });
  const longestTaskMs = await page.evaluate(() =>
    Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks),
  );
  await context.close();
  return { loadMs, longestTaskMs, rows, searchMs, jumpMs };
}

export async function logViewerPhase(ctx: BenchContext): Promise<Row[]> {
  console.log(`\n== The log viewer at ${count(LINES)} lines`);
  if (!existsSync(CHROMIUM_PATH)) {
    const reason = `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
    console.log(`skipped: ${reason}`);
    return [{ metric: "the log viewer at 100,000 lines", value: `skipped: ${reason}`, target: "-", ok: "-" }];
  }
  const id = await printed(ctx);
  const [admin] = await createUsers(ctx.db, 1, "logs");
  if (!admin) throw new Error("no bench admin");
  await ctx.db.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
  const container = docker.getContainer(id);
  const raw = await median(() =>
    container.logs({ stdout: true, stderr: true, timestamps: true, tail: LINES, follow: false }),
  );
  const api = await median(async () => {
    const response = await fetch(`${ctx.app.url}/api/v1/admin/engine/containers/${id}/logs?tail=${LINES}`, {
      headers: { cookie: admin.cookie },
    });
    const body = (await response.json()) as { lines?: unknown[] };
    if (response.status !== 200 || body.lines?.length !== LINES)
      throw new Error(`the log API answered ${response.status} with ${body.lines?.length} lines`);
  });
  console.log(`engine tail ${ms(raw)}, app API ${ms(api)} (medians of ${ROUNDS})`);
  const browser = await launchBrowser();
  let page: PageFigures;
  try {
    page = await inTheBrowser(browser, `${ctx.app.url}/admin/engine/containers/${id}`, admin.cookie);
  } finally {
    await browser.close();
  }
  console.log(
    `page: loaded in ${ms(page.loadMs)}, longest task ${ms(page.longestTaskMs)}, ${page.rows} rows in the DOM, search ${ms(page.searchMs)}, scroll jump ${ms(page.jumpMs)}`,
  );
  await container.remove({ force: true });
  return [
    { metric: `engine's tail of ${count(LINES)} lines (median)`, value: ms(raw), target: "-", ok: "-" },
    {
      metric: "  the app's log API, same tail (ratio to the engine)",
      value: `${ms(api)} (${(api / raw).toFixed(2)}×)`,
      target: "-",
      ok: "-",
    },
    { metric: "  page: the tail fetched and drawn", value: ms(page.loadMs), target: "-", ok: "-" },
    {
      metric: "  page: longest main-thread block while loading",
      value: ms(page.longestTaskMs),
      // Past about 200 ms a page feels frozen to whoever clicks in it.
      target: "< 200 ms",
      ok: verdict(page.longestTaskMs < 200),
    },
    {
      metric: "  page: rows in the DOM",
      value: String(page.rows),
      target: "< 300",
      ok: verdict(page.rows < 300),
    },
    {
      metric: "  page: search for one line until it shows",
      value: ms(page.searchMs),
      target: "< 250 ms",
      ok: verdict(page.searchMs < 250),
    },
    {
      metric: "  page: a scroll jump painted (two frames)",
      value: ms(page.jumpMs),
      target: "< 50 ms",
      ok: verdict(page.jumpMs < 50),
    },
  ];
}
