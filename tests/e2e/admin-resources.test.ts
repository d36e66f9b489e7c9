// An admin in Chromium sets an account's own running quota in the users page's dialog (a bad value is refused at its
// field first), the account's second start is refused, and "Follow the platform's" gives it back; then makes a
// template with an idle timeout and a maximum lifetime in the template dialog and edits one of them, and the database
// holds them in seconds, the version unchanged.
import { randomBytes } from "node:crypto";
import type Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { userInDatabase, withDatabase } from "../support/database";
import { signIn } from "../support/sign-in";
import { TEST_IMAGE } from "../support/test-image";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const databaseUrl = inject("databaseUrl");
const TAG = `res${randomBytes(3).toString("hex")}`;

let browser: Browser;
let page: Page;
let owner: ReturnType<typeof userInDatabase>;

const sqlite = <T>(work: (db: Database.Database) => T): T => withDatabase(databaseUrl, work);
const quotaOf = (id: string) =>
  sqlite(
    (db) =>
      db
        .prepare(`SELECT quotaWorkspaces, quotaRunning, quotaMemoryMb, quotaCpus FROM "User" WHERE id = ?`)
        .get(id) as Record<string, number | null>,
  );

async function ownerCall(path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { cookie: owner.cookie, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  owner = userInDatabase(databaseUrl, `${TAG}-ivy`);
  browser = await launchBrowser();
  const context = await browser.newContext();
  const adminEmail = `${TAG}-boss@example.com`;
  page = await signIn(context, baseUrl, mailDir, adminEmail);
  sqlite((db) => db.prepare(`UPDATE "User" SET role = 'ADMIN' WHERE email = ?`).run(adminEmail));
});
afterAll(async () => {
  await browser?.close();
});

describe("admin: quotas and timeouts, in a browser", () => {
  it("sets an account's running quota in the dialog, which refuses their second start, and gives it back", async () => {
    const ids: string[] = [];
    for (const name of ["one", "two"]) {
      const created = await ownerCall("/api/workspaces", { name, template: "dev" });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      ids.push(created.body.id);
    }
    expect((await ownerCall(`/api/workspaces/${ids[0]}/start`)).body.status).toBe("running");

    await page.goto(`${baseUrl}/admin/users?q=${encodeURIComponent(owner.email)}`);
    const row = page.locator(`[data-testid="user-row"][data-user="${owner.email}"]`);
    await row.waitFor();
    await row.getByRole("button", { name: `Quotas of ${owner.email}` }).click();
    const dialog = page.getByTestId("quota-dialog");
    await dialog.getByLabel("Running", { exact: true }).fill("1");
    await dialog.getByLabel("Memory (MB)").fill("-1");
    await dialog.getByRole("button", { name: "Save" }).click();
    const memoryError = dialog.locator('[data-field="memory_mb"] [data-testid="field-error"]');
    await memoryError.waitFor();
    expect(await memoryError.textContent()).toContain("0 (no limit) or more");
    expect(quotaOf(owner.id).quotaRunning).toBeNull();

    await dialog.getByLabel("Memory (MB)").fill("");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect
      .poll(() => row.locator('[data-quota="running"]').getAttribute("data-own"), { timeout: 15_000 })
      .toBe("true");
    expect(quotaOf(owner.id)).toEqual({
      quotaWorkspaces: null,
      quotaRunning: 1,
      quotaMemoryMb: null,
      quotaCpus: null,
    });
    const refused = await ownerCall(`/api/workspaces/${ids[1]}/start`);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "QUOTA_EXCEEDED", details: { limit: "running" } });

    await row.getByRole("button", { name: `Quotas of ${owner.email}` }).click();
    expect(await dialog.getByLabel("Running", { exact: true }).inputValue()).toBe("1");
    await dialog.getByRole("button", { name: "Follow the platform's" }).click();
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => quotaOf(owner.id).quotaRunning).toBeNull();
    expect((await ownerCall(`/api/workspaces/${ids[1]}/start`)).body.status).toBe("running");
  });

  it("makes a template with an idle timeout and a lifetime, and edits one without a new version", async () => {
    const name = `${TAG}-timed`;
    await page.goto(`${baseUrl}/admin/templates`);
    await page.getByRole("button", { name: "New template" }).click();
    const dialog = page.getByTestId("template-dialog");
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    await dialog.getByLabel("Display name").fill("Timed");
    await dialog.getByLabel("Image").fill(TEST_IMAGE);
    expect(await dialog.getByLabel("Idle timeout (minutes)").inputValue()).toBe("30");
    await dialog.getByLabel("Idle timeout (minutes)").fill("15");
    await dialog.getByLabel("Maximum lifetime (minutes)").fill("60");
    await dialog.getByRole("button", { name: "Create template" }).click();
    await dialog.waitFor({ state: "hidden", timeout: 30_000 });
    const row = () =>
      sqlite(
        (db) =>
          db
            .prepare(`SELECT idleSeconds, maxLifetimeSeconds, version FROM "Template" WHERE name = ?`)
            .get(name) as { idleSeconds: number; maxLifetimeSeconds: number; version: number } | undefined,
      );
    expect(row()).toEqual({ idleSeconds: 900, maxLifetimeSeconds: 3600, version: 1 });
    const card = page.getByTestId(`template-${name}`);
    await expect.poll(() => card.getByTestId("template-idle").textContent()).toBe("15 minutes");
    expect(await card.getByTestId("template-lifetime").textContent()).toBe("60 minutes");

    await card.getByRole("button", { name: `Edit ${name}` }).click();
    await dialog.getByLabel("Maximum lifetime (minutes)").fill("0");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => row()?.maxLifetimeSeconds).toBe(0);
    expect(row()).toEqual({ idleSeconds: 900, maxLifetimeSeconds: 0, version: 1 });
    await expect.poll(() => card.getByTestId("template-lifetime").textContent()).toBe("none");
  });
});
