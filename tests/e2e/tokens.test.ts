// API tokens in Chromium: a user makes one on Settings → API tokens, sees it once (a reload shows only its hint),
// calls the API with it, and revokes it (the same call is then refused); only admins are offered the admin scope;
// an admin sees everyone's tokens at /admin/tokens and revokes another user's there.
import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatTime } from "@/components/workspaces/format";
import { launchBrowser } from "../support/browser";
import { withDatabase } from "../support/database";
import { signIn } from "../support/sign-in";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const databaseUrl = inject("databaseUrl");
const TAG = `tok${randomBytes(3).toString("hex")}`;
const ADMIN_SCOPE = /Administer the platform/;

let browser: Browser;
let userContext: BrowserContext;
let userPage: Page;
let adminPage: Page;
const userEmail = `${TAG}-ann@example.com`;
const adminEmail = `${TAG}-boss@example.com`;

// The first account of a fresh database becomes an admin: each role is set, whichever file ran first.
const setRole = (email: string, role: "USER" | "ADMIN") =>
  withDatabase(databaseUrl, (db) =>
    db.prepare(`UPDATE "User" SET role = ? WHERE email = ?`).run(role, email),
  );

const containersWith = (token: string) =>
  fetch(`${baseUrl}/api/user/containers`, { headers: { authorization: `Bearer ${token}` } });
const rowOf = (page: Page, name: string) => page.locator(`[data-testid="token-row"][data-token="${name}"]`);
const stateOf = (row: Locator) => row.getByTestId("token-state").textContent();

/** Fills and submits the create form; answers the token the page shows once. */
async function createToken(page: Page, name: string, expiry: string, scopes: RegExp[]): Promise<string> {
  const form = page.getByTestId("create-token-form");
  await form.getByLabel("Name", { exact: true }).fill(name);
  for (const box of await form.getByRole("checkbox").all()) await box.setChecked(false);
  for (const scope of scopes) await form.getByRole("checkbox", { name: scope }).check();
  await form.getByLabel("Expires", { exact: true }).selectOption({ label: expiry });
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await shown.waitFor();
  expect(await shown.textContent()).toContain(`Token ${name} created`);
  return shown.getByLabel("New API token").inputValue();
}

/** Revoke in a row, through its confirmation; waits until the row says Revoked. */
async function revokeIn(page: Page, row: Locator, title: string): Promise<void> {
  await row.getByRole("button", { name: "Revoke" }).click();
  const dialog = page.getByTestId("confirm-revoke");
  await dialog.getByRole("heading", { name: title }).waitFor();
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect.poll(() => stateOf(row), { timeout: 15_000 }).toBe("Revoked");
  expect(await row.getByRole("button", { name: "Revoke" }).count()).toBe(0);
}

beforeAll(async () => {
  browser = await launchBrowser();
  userContext = await browser.newContext();
  await userContext.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
  userPage = await signIn(userContext, baseUrl, mailDir, userEmail);
  setRole(userEmail, "USER");
  adminPage = await signIn(await browser.newContext(), baseUrl, mailDir, adminEmail);
  setRole(adminEmail, "ADMIN");
});
afterAll(async () => {
  await browser?.close();
});

describe("API tokens, in a browser", () => {
  it("makes a token shown once, which calls the API until it is revoked in the page", async () => {
    const page = userPage;
    await page.goto(`${baseUrl}/dashboard`);
    await page.getByRole("banner").getByRole("link", { name: "API tokens" }).click();
    await page.waitForURL(`${baseUrl}/settings/tokens`);
    await page.getByRole("heading", { name: "API tokens" }).waitFor();
    expect(await page.getByTestId("tokens-table").textContent()).toContain("No tokens yet.");

    // Nothing named: the error is at its field, and nothing is made.
    const form = page.getByTestId("create-token-form");
    await form.getByRole("button", { name: "Create token" }).click();
    const nameError = form.locator('[data-field="name"] [data-testid="field-error"]');
    await nameError.waitFor();
    expect(await nameError.textContent()).toBe("Name the token, e.g. ci-deploy.");
    expect(await form.getByLabel("Name", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByTestId("token-row").count()).toBe(0);

    const name = `${TAG}-ci`;
    const before = Date.now();
    const token = await createToken(page, name, "In 7 days", [/Read workspaces/]);
    expect(token).toMatch(/^spw_[0-9A-Za-z]{40}$/);
    const shown = page.getByTestId("new-token");
    expect(await shown.textContent()).toContain("Copy it now: it won't be shown again");
    expect(await shown.getByTestId("token-usage").textContent()).toBe(
      `curl -H "Authorization: Bearer ${token}" ${baseUrl}/api/v1/workspaces`,
    );
    await shown.getByRole("button", { name: "Copy", exact: true }).click();
    await shown.getByRole("button", { name: "Copied", exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

    // The list has it by its hint, read-only scope, a week's life, never used.
    const row = rowOf(page, name);
    await row.waitFor();
    const hint = `${token.slice(0, 14)}…`;
    expect(await row.getByTestId("token-hint").textContent()).toBe(hint);
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("workspaces:read");
    expect(text).not.toContain("workspaces:write");
    const inAWeek = [before, Date.now()].map((at) => formatTime(new Date(at + 7 * 86_400_000).toISOString()));
    expect(inAWeek).toContain(await row.locator("td").nth(4).textContent());
    expect(await row.getByTestId("token-last-used").textContent()).toBe("Never");
    expect(await stateOf(row)).toBe("Active");

    // Once: after a reload only the hint is left.
    await page.reload();
    await rowOf(page, name).waitFor();
    expect(await page.getByTestId("new-token").count()).toBe(0);
    expect(await page.content()).not.toContain(token);
    expect(await rowOf(page, name).getByTestId("token-hint").textContent()).toBe(hint);

    const used = await containersWith(token);
    expect(used.status).toBe(200);
    expect((await used.json()).containers.map((slot: { type: string }) => slot.type)).toEqual([
      "dev",
      "prod",
    ]);
    await page.reload();
    const lastUsed = (await rowOf(page, name).getByTestId("token-last-used").textContent()) ?? "";
    expect(lastUsed).toMatch(/ UTCfrom \S+$/);

    await revokeIn(page, rowOf(page, name), `Revoke ${name}?`);
    const refused = await containersWith(token);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toMatchObject({
      code: "UNAUTHENTICATED",
      message: "This API token was revoked.",
    });
    await page.reload();
    expect(await stateOf(rowOf(page, name))).toBe("Revoked");
  });

  it("offers the admin scope to admins only", async () => {
    const form = (page: Page) => page.getByTestId("create-token-form");
    await userPage.goto(`${baseUrl}/settings/tokens`);
    await form(userPage)
      .getByRole("checkbox", { name: /Read workspaces/ })
      .waitFor();
    expect(await form(userPage).getByRole("checkbox").count()).toBe(2);
    expect(await form(userPage).getByRole("checkbox", { name: ADMIN_SCOPE }).count()).toBe(0);
    expect(await userPage.content()).not.toContain("Administer the platform");

    await adminPage.goto(`${baseUrl}/settings/tokens`);
    const adminScope = form(adminPage).getByRole("checkbox", { name: ADMIN_SCOPE });
    await adminScope.waitFor();
    expect(await form(adminPage).getByRole("checkbox").count()).toBe(3);
  });

  it("lists everyone's tokens for an admin, who revokes another user's at /admin/tokens", async () => {
    await userPage.goto(`${baseUrl}/settings/tokens`);
    const name = `${TAG}-deploy`;
    const token = await createToken(userPage, name, "In 30 days", [/Read workspaces/, /Change workspaces/]);
    expect((await containersWith(token)).status).toBe(200);

    await adminPage.goto(`${baseUrl}/admin`);
    await adminPage
      .getByRole("navigation", { name: "Admin" })
      .getByRole("link", { name: "API tokens" })
      .click();
    await adminPage.waitForURL(`${baseUrl}/admin/tokens`);
    const row = rowOf(adminPage, name);
    await row.waitFor();
    expect(await row.locator("td").first().textContent()).toBe(userEmail);
    expect(await row.getByTestId("token-hint").textContent()).toBe(`${token.slice(0, 14)}…`);
    expect(await stateOf(row)).toBe("Active");
    // The user's earlier token is listed too, revoked; no secret is on the page.
    expect(await stateOf(rowOf(adminPage, `${TAG}-ci`))).toBe("Revoked");
    expect(await adminPage.content()).not.toContain(token);

    await revokeIn(adminPage, row, `Revoke ${name} of ${userEmail}?`);
    expect((await containersWith(token)).status).toBe(401);
    await userPage.reload();
    expect(await stateOf(rowOf(userPage, name))).toBe("Revoked");
  });
});
