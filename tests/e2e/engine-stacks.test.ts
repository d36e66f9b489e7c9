// An admin in Chromium deploys a compose stack on the engine's stacks page: a broken file is refused with its
// problems by place and nothing runs; an uploaded good one deploys and its two services show running; Remove takes
// it off the engine.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { withDatabase } from "../support/database";
import { E2E } from "../support/prefixes";
import { signIn } from "../support/sign-in";
import { docker, TEST_IMAGE } from "../support/test-image";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const databaseUrl = inject("databaseUrl");
const TAG = randomBytes(3).toString("hex");
const NAME = `${E2E}-stk-${TAG}`;
const PROJECT = `label=com.docker.compose.project=${NAME}`;

const GOOD = `services:
  web:
    image: ${TEST_IMAGE}
    command: ["busybox", "httpd", "-f", "-p", "8080"]
    init: true
    networks: [front]
  worker:
    image: ${TEST_IMAGE}
    command: ["sleep", "3600"]
    init: true
    networks: [front]
networks:
  front: {}
`;

let browser: Browser;
let page: Page;

const containersOf = () => docker("ps", "-aq", "--filter", PROJECT).split("\n").filter(Boolean);

beforeAll(async () => {
  browser = await launchBrowser();
  const adminEmail = `${TAG}-stacks@example.com`;
  page = await signIn(await browser.newContext(), baseUrl, mailDir, adminEmail);
  withDatabase(databaseUrl, (db) =>
    db.prepare(`UPDATE "User" SET role = 'ADMIN' WHERE email = ?`).run(adminEmail),
  );
});
afterAll(async () => {
  await browser?.close();
  const ids = containersOf();
  if (ids.length) docker("rm", "-f", ...ids);
  const networks = docker("network", "ls", "-q", "--filter", PROJECT).split("\n").filter(Boolean);
  if (networks.length) docker("network", "rm", ...networks);
});

describe("admin: engine stacks, in a browser", () => {
  it("refuses a broken file by place, deploys an uploaded one with its services running, and removes it", async () => {
    await page.goto(`${baseUrl}/admin/engine/stacks`);
    await page.getByRole("button", { name: "Deploy a stack" }).click();
    const dialog = page.getByTestId("deploy-stack-dialog");
    await dialog.getByLabel("Name").fill(NAME);
    await dialog
      .getByLabel("Compose file")
      .fill(`services:\n  web:\n    image: ${TEST_IMAGE}\n    ports: 8080\n`);
    await dialog.getByRole("button", { name: "Deploy" }).click();
    const problem = dialog.locator('[data-place="services.web.ports"]');
    await problem.waitFor();
    expect(await problem.textContent()).toContain("must be a list (line 4)");
    expect(containersOf()).toEqual([]);

    await dialog.getByTestId("stack-upload").setInputFiles({
      name: "compose.yaml",
      mimeType: "application/yaml",
      buffer: Buffer.from(GOOD),
    });
    await expect.poll(() => dialog.getByLabel("Compose file").inputValue()).toBe(GOOD);
    await dialog.getByRole("button", { name: "Deploy" }).click();
    await dialog.waitFor({ state: "hidden", timeout: 120_000 });

    const row = page.locator(`[data-testid="stack"][data-stack="${NAME}"]`);
    await row.waitFor();
    expect(await row.getByTestId("stack-state").textContent()).toBe("running");
    const services = row.getByTestId("stack-service");
    expect(
      await services.evaluateAll((items) => items.map((item) => item.getAttribute("data-service"))),
    ).toEqual(["web", "worker"]);
    expect(await row.getByTestId("container-state").allTextContents()).toEqual(["running", "running"]);
    expect(containersOf()).toHaveLength(2);

    await row.getByRole("button", { name: "Remove" }).click();
    await page.getByTestId("remove-stack").getByRole("button", { name: "Remove" }).click();
    await row.waitFor({ state: "detached", timeout: 60_000 });
    expect(containersOf()).toEqual([]);
  });
});
