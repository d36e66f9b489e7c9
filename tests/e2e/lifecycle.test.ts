import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { signIn } from "../support/sign-in";
import { recordLaunchSteps, slugOf, statusOf } from "../support/workspace-ui";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
let browser: Browser;
let context: BrowserContext;
let page: Page;
let slug = "";

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await signIn(context, baseUrl, mailDir, `lifecycle-${randomBytes(4).toString("hex")}@example.com`);
  slug = await slugOf(page);
});
afterAll(async () => {
  await browser?.close();
});

const devCard = () => page.getByTestId("container-card-dev");

describe("container lifecycle from the dashboard and the workspace page", () => {
  it("launches from the card with live progress steps and ends Running", async () => {
    expect(slug).toMatch(/^lifecycle-/);
    await expect.poll(() => statusOf(devCard())).toBe("not_created");
    const steps = await recordLaunchSteps(page);

    const [tab] = await Promise.all([
      context.waitForEvent("page"),
      devCard().getByRole("button", { name: "Create & Open" }).click(),
    ]);
    await devCard().getByTestId("launch-progress").waitFor({ timeout: 5_000 });
    await tab.getByRole("heading", { name: `Hello from ${slug}-dev` }).waitFor({ timeout: 30_000 });
    await expect.poll(() => statusOf(devCard()), { timeout: 15_000 }).toBe("running");
    await tab.close();

    const labels = new Set((await steps()).map((seen) => seen.split(":")[1]));
    for (const label of [
      "Checking the image",
      "Creating the container",
      "Starting",
      "Waiting for the service to answer",
    ]) {
      expect(labels).toContain(label);
    }
    expect(await steps()).toContain("active:Waiting for the service to answer");
    // Done: the steps give way to the running card's buttons.
    expect(await devCard().getByTestId("launch-progress").count()).toBe(0);
    expect(await devCard().getByRole("button", { name: "Restart" }).isVisible()).toBe(true);
  });

  it("stops from the card, which then reads Stopped and offers Start", async () => {
    await devCard().getByRole("button", { name: "Stop" }).click();
    await expect.poll(() => statusOf(devCard()), { timeout: 20_000 }).toBe("stopped");
    await devCard().getByRole("button", { name: "Start" }).waitFor();
    expect(await devCard().getByRole("button", { name: "Create & Open" }).isVisible()).toBe(true);
    expect(await devCard().getByTestId("card-error").count()).toBe(0);
  });

  it("shows the workspace page with its log (stdout and stderr) and live stats", async () => {
    await devCard().getByRole("link", { name: "Details" }).click();
    await page.waitForURL((url) => /^\/workspaces\/[a-z0-9]+$/.test(url.pathname));
    const workspaceId = new URL(page.url()).pathname.split("/").pop();
    await page.getByRole("heading", { name: "Development" }).waitFor();
    expect(await statusOf(page)).toBe("stopped");
    expect(await page.getByTestId("stats-not-running").textContent()).toBe("Not running");

    await page.getByRole("button", { name: "Start" }).click();
    await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe("running");

    const log = page.getByTestId("log-view");
    await log.getByText(`container ${slug}-dev is up`).first().waitFor({ timeout: 15_000 });
    expect(await log.locator('[data-stream="stdout"]').first().textContent()).toContain("is up");

    // busybox httpd -v writes each request to stderr: one visit must show up as an error-stream line.
    const serviceUrl = await page.getByTestId("service-url").getAttribute("href");
    expect(serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await fetch(serviceUrl ?? "")).status).toBe(200);
    await log.locator('[data-stream="stderr"]').first().waitFor({ timeout: 15_000 });
    expect(await log.locator('[data-stream="stderr"]').first().textContent()).toMatch(/^err/);

    // Scrolled up, the view stays put while lines arrive; "Jump to latest" follows again.
    for (let i = 0; i < 40; i++) await fetch(`${serviceUrl}?visit=${i}`);
    await expect
      .poll(() => log.locator('[data-stream="stderr"]').count(), { timeout: 15_000 })
      .toBeGreaterThan(40);
    await log.evaluate((element) => {
      element.scrollTop = 0;
    });
    const jump = page.getByRole("button", { name: "Jump to latest" });
    await jump.waitFor();
    const before = await log.locator('[data-stream="stderr"]').count();
    for (let i = 0; i < 5; i++) await fetch(`${serviceUrl}?later=${i}`);
    await expect
      .poll(() => log.locator('[data-stream="stderr"]').count(), { timeout: 10_000 })
      .toBeGreaterThan(before);
    expect(await log.evaluate((element) => element.scrollTop)).toBe(0);
    await jump.click();
    await jump.waitFor({ state: "hidden" });
    const gap = await log.evaluate(
      (element) => element.scrollHeight - element.scrollTop - element.clientHeight,
    );
    expect(gap).toBeLessThan(30);

    expect(await page.getByRole("link", { name: "Download log" }).getAttribute("href")).toBe(
      `/api/workspaces/${workspaceId}/logs?download=1`,
    );
    const download = await context.request.get(`${baseUrl}/api/workspaces/${workspaceId}/logs?download=1`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain(`container ${slug}-dev is up`);

    const stats = page.getByTestId("stats");
    await stats.getByTestId("stat-cpu").waitFor({ timeout: 15_000 });
    expect(await stats.getByTestId("stat-cpu").textContent()).toMatch(/^\d+(\.\d+)?%$/);
    expect(await stats.getByTestId("stat-memory").textContent()).toMatch(
      /^\d+(\.\d+)? (B|KB|MB|GB) \/ \d+(\.\d+)? (KB|MB|GB|TB)$/,
    );
    expect(Number(await stats.getByTestId("stat-pids").textContent())).toBeGreaterThan(0);
  });

  it("deletes after confirmation and the card reads Not created again", async () => {
    await page.getByRole("link", { name: "Back to dashboard" }).click();
    await page.waitForURL(`${baseUrl}/dashboard`);
    await expect.poll(() => statusOf(devCard())).toBe("running");

    await devCard().getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByText("Delete Development?").waitFor();
    // Keeping the data is the default, and the dialog says what that means.
    const keep = dialog.getByRole("checkbox", { name: "Keep its data" });
    expect(await keep.getAttribute("aria-checked")).toBe("true");
    expect(await dialog.textContent()).toContain(
      "Its data volume is kept; you can attach it to a new workspace or remove it later.",
    );
    // Cancel keeps it.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await statusOf(devCard())).toBe("running");

    await devCard().getByRole("button", { name: "Delete" }).click();
    await keep.click();
    expect(await keep.getAttribute("aria-checked")).toBe("false");
    expect(await dialog.textContent()).toContain("Its data is removed for good.");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => statusOf(devCard()), { timeout: 20_000 }).toBe("not_created");
    expect(await devCard().getByRole("button", { name: "Delete" }).count()).toBe(0);
    expect(await devCard().getByRole("link", { name: "Details" }).count()).toBe(0);
    const listed = await context.request.get(`${baseUrl}/api/user/containers`);
    expect(listed.status()).toBe(200);
    const list = (await listed.json()).containers;
    expect(list.map((view: { status: string }) => view.status)).toEqual(["not_created", "not_created"]);
    // Removed for good: nothing is kept.
    const volumes = await context.request.get(`${baseUrl}/api/volumes`);
    expect(volumes.status()).toBe(200);
    expect((await volumes.json()).volumes).toEqual([]);
    expect(await page.getByTestId("kept-data").count()).toBe(0);
  });
});
