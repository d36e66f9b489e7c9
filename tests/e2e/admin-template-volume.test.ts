// An admin in Chromium gives a template a volume driver in the template dialog: a bad option name is refused at the
// options box and nothing is stored; the fixed options (name=value lines) and the shared box are stored, shown on the
// template's card and in the edit form, and unticking shared there is a new version.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { withDatabase } from "../support/database";
import { signIn } from "../support/sign-in";
import { TEST_IMAGE } from "../support/test-image";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const databaseUrl = inject("databaseUrl");
const TAG = `vol${randomBytes(3).toString("hex")}`;

let browser: Browser;
let page: Page;

type Row = {
  volumeDriver: string | null;
  volumeOptions: string | null;
  volumeShared: number | null;
  version: number;
};
const rowOf = (name: string) =>
  withDatabase(
    databaseUrl,
    (db) =>
      db
        .prepare(`SELECT volumeDriver, volumeOptions, volumeShared, version FROM "Template" WHERE name = ?`)
        .get(name) as Row | undefined,
  );

beforeAll(async () => {
  browser = await launchBrowser();
  const adminEmail = `${TAG}-boss@example.com`;
  page = await signIn(await browser.newContext(), baseUrl, mailDir, adminEmail);
  withDatabase(databaseUrl, (db) =>
    db.prepare(`UPDATE "User" SET role = 'ADMIN' WHERE email = ?`).run(adminEmail),
  );
});
afterAll(async () => {
  await browser?.close();
});

describe("admin: a template's volume driver, in a browser", () => {
  it("refuses a bad option at its box, then stores the options and shared, shown on the card and in the form", async () => {
    const name = `${TAG}-tmp`;
    await page.goto(`${baseUrl}/admin/templates`);
    await page.getByRole("button", { name: "New template" }).click();
    const dialog = page.getByTestId("template-dialog");
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    await dialog.getByLabel("Display name").fill("Scratch");
    await dialog.getByLabel("Image").fill(TEST_IMAGE);
    expect(await dialog.getByLabel("Volume driver").inputValue()).toBe("local");
    await dialog.getByLabel("Driver options").fill("type=tmpfs\nbad key=x");
    await dialog.getByRole("button", { name: "Create template" }).click();
    const options = dialog.locator('[data-field="volume.options"]');
    await expect.poll(() => options.getByTestId("field-error").textContent()).toContain('"bad key"');
    expect(await dialog.getByLabel("Driver options").getAttribute("aria-invalid")).toBe("true");
    expect(rowOf(name)).toBeUndefined();

    await dialog.getByLabel("Driver options").fill("type=tmpfs\ndevice=tmpfs\no=size=16m");
    await dialog.getByLabel("Shared: every node reaches the same data").check();
    await dialog.getByRole("button", { name: "Create template" }).click();
    await dialog.waitFor({ state: "hidden", timeout: 30_000 });
    expect(rowOf(name)).toEqual({
      volumeDriver: null,
      volumeOptions: JSON.stringify({ device: "tmpfs", o: "size=16m", type: "tmpfs" }),
      volumeShared: 1,
      version: 1,
    });
    const card = page.getByTestId(`template-${name}`);
    await expect
      .poll(() => card.getByTestId("template-volume").textContent())
      .toBe("local (device=tmpfs; o=size=16m; type=tmpfs), shared");

    await card.getByRole("button", { name: `Edit ${name}` }).click();
    expect(await dialog.getByLabel("Driver options").inputValue()).toBe(
      "device=tmpfs\no=size=16m\ntype=tmpfs",
    );
    await dialog.getByLabel("Shared: every node reaches the same data").uncheck();
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => rowOf(name)?.version).toBe(2);
    expect(rowOf(name)?.volumeShared).toBeNull();
    await expect
      .poll(() => card.getByTestId("template-volume").textContent())
      .toBe("local (device=tmpfs; o=size=16m; type=tmpfs)");
  });
});
