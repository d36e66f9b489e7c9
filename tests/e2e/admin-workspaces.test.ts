// An admin in Chromium: filters every user's workspaces down to three running ones, selects two, stops them in one
// bulk action, reads the result per workspace, and sees the page show them stopped (the third still running). The
// engine has them exited and the database one audit event with their two items.
import { randomBytes } from "node:crypto";
import type Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { userInDatabase, withDatabase } from "../support/database";
import { signIn } from "../support/sign-in";
import { docker } from "../support/test-image";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const databaseUrl = inject("databaseUrl");
const TAG = `adm${randomBytes(3).toString("hex")}`;

type Owner = ReturnType<typeof userInDatabase>;

let browser: Browser;
let page: Page;
let adminEmail = "";
let owners: Owner[] = [];
const workspaces = new Map<string, { id: string; container: string }>();

const sqlite = <T>(work: (db: Database.Database) => T): T => withDatabase(databaseUrl, work);

async function runningWorkspace(owner: Owner): Promise<{ id: string; container: string }> {
  const call = async (path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: { cookie: owner.cookie, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: await response.json() };
  };
  const created = await call("/api/workspaces", { name: "box", template: "dev" });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const started = await call(`/api/workspaces/${created.body.id}/start`);
  expect(started.body.status, JSON.stringify(started.body)).toBe("running");
  return { id: created.body.id, container: started.body.container_id };
}

beforeAll(async () => {
  owners = ["ana", "ben", "cy"].map((name) => userInDatabase(databaseUrl, `${TAG}-${name}`));
  for (const owner of owners) workspaces.set(owner.slug, await runningWorkspace(owner));
  browser = await launchBrowser();
  const context = await browser.newContext();
  adminEmail = `${TAG}-boss@example.com`;
  page = await signIn(context, baseUrl, mailDir, adminEmail);
  // No page makes an admin (ADMIN_EMAILS or the first sign-in does): promote this one where the role lives.
  sqlite((db) => db.prepare(`UPDATE "User" SET role = 'ADMIN' WHERE email = ?`).run(adminEmail));
});
afterAll(async () => {
  await browser?.close();
});

const row = (owner: Owner) =>
  page.locator(`[data-testid="admin-workspace-row"][data-owner="${owner.email}"]`);
const statusIn = (owner: Owner) => row(owner).getByTestId("status").getAttribute("data-status");

describe("admin: every workspace, in a browser", () => {
  it("filters, bulk-stops a selection, shows each result and the rows stopped", async () => {
    await page.goto(`${baseUrl}/admin/workspaces`);
    await page.getByRole("heading", { name: "Workspaces" }).waitFor();
    await page.getByLabel("Owner").fill(TAG);
    await page.getByLabel("Template").selectOption("dev");
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await page.waitForURL(new RegExp(`owner=${TAG}.*template=dev`));
    const rows = page.getByTestId("admin-workspace-row");
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.getByTestId("page-info").textContent()).toContain("3 workspaces");
    for (const owner of owners) expect(await statusIn(owner)).toBe("running");

    const [ana, ben, cy] = owners as [Owner, Owner, Owner];
    await row(ana).getByTestId("select-row").click();
    await row(ben).getByTestId("select-row").click();
    expect(await page.getByTestId("selection-count").textContent()).toBe("2 workspaces selected");
    await page.getByTestId("bulk-bar").getByRole("button", { name: "Stop" }).click();

    const results = page.getByTestId("bulk-results");
    await results.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("bulk-summary").textContent()).toBe("2 of 2 stopped.");
    const items = results.getByTestId("bulk-result");
    expect(await items.count()).toBe(2);
    expect(await items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-ok")))).toEqual([
      "true",
      "true",
    ]);
    expect(await results.textContent()).toContain(ana.email);
    expect(await results.textContent()).toContain(ben.email);

    // The page refreshed: the two read stopped, the third still runs; the selection is gone.
    await expect.poll(() => statusIn(ana), { timeout: 15_000 }).toBe("stopped");
    expect(await statusIn(ben)).toBe("stopped");
    expect(await statusIn(cy)).toBe("running");
    expect(await page.getByTestId("selection-count").textContent()).toBe("0 workspaces selected");

    // The engine, and the one audit event with its items (the audit log page shows this row).
    const container = (owner: Owner) => workspaces.get(owner.slug)?.container ?? "";
    expect(docker("inspect", "-f", "{{.State.Status}}", container(ana))).toBe("exited");
    expect(docker("inspect", "-f", "{{.State.Status}}", container(ben))).toBe("exited");
    expect(docker("inspect", "-f", "{{.State.Status}}", container(cy))).toBe("running");
    const events = sqlite(
      (db) =>
        db
          .prepare(`SELECT * FROM "AuditEvent" WHERE action = 'admin.bulk-stop' AND actorEmail = ?`)
          .all(adminEmail) as { outcome: string; via: string; details: string }[],
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: "ok", via: "session" });
    const items2 = JSON.parse(events[0]?.details ?? "{}").items as { id: string; outcome: string }[];
    expect(new Set(items2.map((item) => item.id))).toEqual(
      new Set([workspaces.get(ana.slug)?.id, workspaces.get(ben.slug)?.id]),
    );
    expect(items2.every((item) => item.outcome === "ok")).toBe(true);
  });

  it("sorts by a column header and keeps the filter", async () => {
    await page.getByRole("link", { name: "Status" }).click();
    await page.waitForURL(/sort=status/);
    expect(page.url()).toContain(`owner=${TAG}`);
    // Running first, then the stopped ones.
    const statuses = await page
      .getByTestId("admin-workspace-row")
      .evaluateAll((nodes) =>
        nodes.map((node) => node.querySelector('[data-testid="status"]')?.getAttribute("data-status")),
      );
    expect(statuses).toEqual(["running", "stopped", "stopped"]);
  });

  it("finds the bulk stop in the audit log", async () => {
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click();
    await page.waitForURL(/\/admin\/audit/);
    await page.getByLabel("Action").fill("admin.bulk-stop");
    await page.getByLabel("Actor").fill(adminEmail);
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await page.waitForURL(/action=admin.bulk-stop/);
    const rows = page.locator('[data-testid="audit-row"][data-action="admin.bulk-stop"]');
    await expect.poll(() => rows.count()).toBe(1);
    const text = (await rows.first().textContent()) ?? "";
    expect(text).toContain(adminEmail);
    expect(text).toContain("2 workspaces");
    expect(text).toContain("2 items: 2 ok");
  });
});
