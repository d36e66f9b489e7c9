// An admin in Chromium pulls an image from a real registry on the Images tab, watches its layers' progress in the
// Pull dialog, then finds the image in the table; the System tab shows the engine's version and storage driver.
import { randomBytes } from "node:crypto";
import type Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { withDatabase } from "../support/database";
import { buildTinyImage, imageExists, removeImages } from "../support/engine-objects";
import { E2E } from "../support/prefixes";
import { type Registry, startRegistry } from "../support/registry";
import { signIn } from "../support/sign-in";
import { docker } from "../support/test-image";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const databaseUrl = inject("databaseUrl");
const RUN = randomBytes(3).toString("hex");
const local = `${E2E}-pull-${RUN}:latest`;

let browser: Browser;
let page: Page;
let registry: Registry;
let reference = "";

const sqlite = <T>(work: (db: Database.Database) => T): T => withDatabase(databaseUrl, work);

beforeAll(async () => {
  registry = await startRegistry();
  buildTinyImage({ [`test.${E2E}.engine-images`]: RUN }, local);
  reference = registry.push(local, `${E2E}/pulled-${RUN}`, "v1");
  removeImages(local);
  browser = await launchBrowser();
  const email = `eng${RUN}-admin@example.com`;
  page = await signIn(await browser.newContext(), baseUrl, mailDir, email);
  sqlite((db) => db.prepare(`UPDATE "User" SET role = 'ADMIN' WHERE email = ?`).run(email));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await registry?.stop();
  removeImages(local, reference);
});

describe("the engine's images in the browser", () => {
  it("pulls from the registry with per-layer progress, then lists the image", async () => {
    expect(imageExists(reference)).toBe(false);
    await page.goto(`${baseUrl}/admin/engine/images`);
    await page.getByRole("button", { name: "Pull" }).first().click();
    const dialog = page.getByTestId("pull-dialog");
    await dialog.getByLabel("Reference").fill(reference);
    await dialog.getByRole("button", { name: "Pull", exact: true }).click();
    await dialog.getByTestId("pull-done").waitFor({ timeout: 60_000 });
    const layers = dialog.getByTestId("pull-layer");
    expect(await layers.count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => layers.first().textContent()).toContain("Pull complete");
    expect(imageExists(reference)).toBe(true);

    await page.keyboard.press("Escape");
    const row = page.locator(`[data-testid="image"][data-image~="${reference}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain(
      docker("image", "inspect", "-f", "{{.Id}}", reference).slice(7, 19),
    );
  });

  it("shows the engine's version and storage driver on the System tab", async () => {
    await page.goto(`${baseUrl}/admin/engine`);
    const fact = (name: string) => page.locator(`[data-fact="${name}"] dd`).textContent();
    expect(await fact("engine_version")).toBe(docker("version", "-f", "{{.Server.Version}}"));
    expect(await fact("storage_driver")).toBe(docker("info", "-f", "{{.Driver}}"));
    await page.getByTestId("disk-use").waitFor();
  });
});
