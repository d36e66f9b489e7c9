// The Resource history card of a running workspace's page: Hour / Day / Month tabs, the empty state until the sampler
// has a point, then the charts of CPU, memory and network; and the platform's on the admin overview.
import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { withDatabase } from "../support/database";
import { signIn } from "../support/sign-in";
import { listWorkspaces } from "../support/workspace-ui";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const databaseUrl = inject("databaseUrl");

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await signIn(context, baseUrl, mailDir, `hist-${randomBytes(4).toString("hex")}@example.com`);
});
afterAll(async () => {
  await browser?.close();
});

describe("the workspace page's history", () => {
  it("shows Hour, Day and Month, and charts the samples once the sampler has recorded some", async () => {
    expect((await context.request.post(`${baseUrl}/api/container/launch/dev`)).status()).toBe(200);
    const dev = (await listWorkspaces(context, baseUrl)).find((workspace) => workspace.name === "dev");
    if (!dev) throw new Error("no dev workspace");
    await page.goto(`${baseUrl}/workspaces/${dev.id}`);
    const card = page.getByTestId("history-card");
    await card.getByRole("heading", { name: "Resource history" }).waitFor();
    for (const name of ["Hour", "Day", "Month"]) await card.getByRole("tab", { name }).waitFor();
    // No 5-minute average exists yet for a workspace started just now.
    await card.getByRole("tab", { name: "Day" }).click();
    await card.getByTestId("history-empty").waitFor();
    expect(await card.getByTestId("history-empty").textContent()).toMatch(
      /^No history yet: the sampler records every \d+ s/,
    );

    // The sampler's second reading of it makes the first point (two readings give CPU %).
    for (const deadline = Date.now() + 60_000; ; ) {
      const history = await context.request.get(
        `${baseUrl}/api/workspaces/${dev.id}/stats/history?range=hour`,
      );
      if ((await history.json()).points.length > 0) break;
      if (Date.now() > deadline) throw new Error("no point within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    await card.getByRole("tab", { name: "Hour" }).click();
    for (const chart of ["history-cpu", "history-memory", "history-network"])
      await card.getByTestId(chart).locator("svg.recharts-surface").waitFor();
    expect(await card.getByRole("tab", { name: "Hour" }).getAttribute("aria-selected")).toBe("true");
    // CPU draws its average and its peak, two lines (their layers: a curve needs two points to be drawn).
    const lines = card.getByTestId("history-cpu").locator("g.recharts-line");
    await lines.nth(1).waitFor({ state: "attached" });
    expect(await lines.count()).toBe(2);
  }, 120_000);

  it("charts the whole platform on the admin overview", async () => {
    const email = `hist-boss-${randomBytes(4).toString("hex")}@example.com`;
    const admin = await signIn(await browser.newContext(), baseUrl, mailDir, email);
    withDatabase(databaseUrl, (db) =>
      db.prepare(`UPDATE "User" SET role = 'ADMIN' WHERE email = ?`).run(email),
    );
    await admin.goto(`${baseUrl}/admin`);
    const card = admin.getByTestId("platform-history");
    await card.getByRole("heading", { name: "Resource history" }).waitFor();
    // The first test's workspace has points by now.
    await card.getByTestId("history-cpu").locator("svg.recharts-surface").waitFor({ timeout: 30_000 });
    for (const name of ["Hour", "Day", "Month"]) await card.getByRole("tab", { name }).waitFor();
  }, 60_000);
});
