// An admin in Chromium on the engine's containers: a container made outside the app printed 100,000 lines (and a
// few on stderr); its page loads all of them and stays usable — the last line shows, only a bounded number of rows
// is in the DOM, a search finds and highlights one line, stderr lines are marked — and following shows a line
// written afterwards; a follow that cannot go on stops and says why. The list shows outside containers, and
// stopping one (a protected one only with its name typed) is what the engine then holds.
import { spawnSync } from "node:child_process";
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
const TAG = `eng${randomBytes(3).toString("hex")}`;
const HAND_MADE = `${E2E}.hand-made`;
const nameOf = (suffix: string) => `${E2E}-${TAG}-${suffix}`;

let browser: Browser;
let page: Page;
let chatty = "";
let quiet = "";
let guarded = "";

function run(suffix: string, script: string, args: string[] = []): string {
  return docker(
    "run",
    "-d",
    "--init",
    "--name",
    nameOf(suffix),
    "--label",
    `${HAND_MADE}=${TAG}`,
    ...args,
    "--entrypoint",
    "/bin/sh",
    TEST_IMAGE,
    "-c",
    script,
  );
}
const state = (id: string) => docker("inspect", "-f", "{{.State.Status}}", id);
const IDLE = "while true; do sleep 1; done";

beforeAll(async () => {
  // The pause keeps the stderr lines after the last stdout one: the engine reads the two pipes apart.
  chatty = run("chatty", `seq 1 100000; sleep 1; echo warn-one >&2; echo warn-two >&2; ${IDLE}`);
  quiet = run("quiet", IDLE);
  guarded = run("guarded", IDLE, ["--label", "spawner.protected=proxy"]);
  const logs = () => spawnSync("docker", ["logs", chatty], { encoding: "utf8" }).stderr;
  for (let i = 0; i < 200 && !logs().includes("warn-two"); i += 1)
    await new Promise((resolve) => setTimeout(resolve, 50));
  browser = await launchBrowser();
  const email = `${TAG}-boss@example.com`;
  page = await signIn(await browser.newContext(), baseUrl, mailDir, email);
  withDatabase(databaseUrl, (db) =>
    db.prepare(`UPDATE "User" SET role = 'ADMIN' WHERE email = ?`).run(email),
  );
}, 60_000);

afterAll(async () => {
  await browser?.close();
  const ids = docker("ps", "-aq", "--filter", `label=${HAND_MADE}=${TAG}`).split("\n").filter(Boolean);
  if (ids.length) docker("rm", "-f", ...ids);
});

const rows = () => page.getByTestId("log-row");
const lineCount = () => page.getByTestId("line-count").textContent();

describe("a container's log in the browser", () => {
  it("loads 100,000 lines and stays usable: the last line shows, few rows in the DOM, search highlights", async () => {
    await page.goto(`${baseUrl}/admin/engine/containers/${chatty}`);
    await page.getByRole("heading", { name: nameOf("chatty") }).waitFor();
    await expect.poll(lineCount, { timeout: 30_000 }).toBe("1,000 lines loaded");

    const loading = Date.now();
    await page.getByLabel("Last lines").selectOption("100000");
    // The last 100,000 of its 100,002 lines: seq's first two are left out.
    await expect.poll(lineCount, { timeout: 60_000 }).toBe("100,000 lines loaded");
    console.log(`[engine-logs] 100,000 lines fetched and shown in ${Date.now() - loading} ms`);

    // At the bottom: the last lines are there, on stderr and marked as such.
    const last = page.locator('[data-testid="log-row"][data-index="99999"]');
    await last.waitFor();
    expect(await last.getAttribute("data-stream")).toBe("stderr");
    expect(await last.getByTestId("log-text").textContent()).toBe("warn-two");
    expect(await last.textContent()).toContain("stderr");
    const stdoutLast = page.locator('[data-testid="log-row"][data-index="99997"]');
    expect(await stdoutLast.getByTestId("log-text").textContent()).toBe("100000");
    expect(await stdoutLast.getAttribute("data-stream")).toBe("stdout");
    expect(await rows().count()).toBeLessThan(300);

    // Search: one line among 100,000, jumped to and highlighted.
    const searching = Date.now();
    await page.getByLabel("Search").fill("42424");
    await expect.poll(() => page.getByTestId("match-count").textContent()).toBe("1 of 1");
    console.log(`[engine-logs] search over 100,000 lines answered in ${Date.now() - searching} ms`);
    const current = page.locator('[data-testid="log-row"][data-current="true"]');
    await current.waitFor();
    expect(await current.getAttribute("data-index")).toBe("42421");
    expect(await current.locator("mark").textContent()).toBe("42424");
    expect(await current.isVisible()).toBe(true);
    expect(await rows().count()).toBeLessThan(300);

    // Many matches: counted, and next moves on.
    await page.getByLabel("Search").fill("9999");
    await expect.poll(() => page.getByTestId("match-count").textContent()).toBe("1 of 19");
    await page.getByRole("button", { name: "Next match" }).click();
    await expect.poll(() => page.getByTestId("match-count").textContent()).toBe("2 of 19");
    expect(await page.locator('[data-current="true"] mark').first().textContent()).toBe("9999");

    // Scrolling far up stays bounded too.
    await page.getByTestId("log-viewport").evaluate((element) => {
      element.scrollTop = 0;
    });
    await page.locator('[data-testid="log-row"][data-index="0"]').waitFor();
    expect(await rows().count()).toBeLessThan(300);

    // How long a jump anywhere in the 100,000 takes to paint (measured, not asserted: the machine is shared).
    const perJump = await page.getByTestId("log-viewport").evaluate(async (element) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const started = performance.now();
      for (let jump = 0; jump < 20; jump += 1) {
        element.scrollTop = ((jump * 7919) % 20) * (element.scrollHeight / 20);
        await frame();
        await frame();
      }
      return (performance.now() - started) / 20;
    });
    console.log(`[engine-logs] a scroll jump paints in ${perJump.toFixed(1)} ms on average`);

    // Following at the cap: a new line comes in, the oldest goes, and the viewer says so.
    await page.getByTestId("log-viewport").evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await page.getByLabel("Follow").click();
    await page.getByText("Following…").waitFor();
    docker("exec", chatty, "sh", "-c", `echo capped-${TAG} > /proc/1/fd/1`);
    await page
      .getByTestId("log-text")
      .filter({ hasText: `capped-${TAG}` })
      .waitFor({ timeout: 20_000 });
    expect(await lineCount()).toBe("100,000 lines loaded");
    expect(await page.getByTestId("dropped").textContent()).toBe(
      "1 oldest line dropped: the viewer holds 100,000.",
    );
    expect(await rows().count()).toBeLessThan(300);
  });

  it("follows the log: a line written afterwards appears", async () => {
    await page.goto(`${baseUrl}/admin/engine/containers/${chatty}`);
    await expect.poll(lineCount, { timeout: 30_000 }).toBe("1,000 lines loaded");
    await page.getByLabel("Follow").click();
    await page.getByText("Following…").waitFor();
    // Even a line written before the stream is open arrives: it resumes after the last line loaded.
    docker("exec", chatty, "sh", "-c", `echo fresh-${TAG} > /proc/1/fd/1`);
    await page
      .getByTestId("log-text")
      .filter({ hasText: `fresh-${TAG}` })
      .waitFor({ timeout: 20_000 });
    await expect.poll(lineCount).toBe("1,001 lines loaded");
  });
});

describe("tail loads that overtake each other", () => {
  it("shows the one asked for last, even when an earlier one answers later", async () => {
    const slow = /\/logs\?tail=1000$/;
    let asked: () => void = () => {};
    const firstLoadAsked = new Promise<void>((resolve) => {
      asked = resolve;
    });
    // The first load (the default 1,000 lines) answers only after the admin asked for 100.
    await page.route(slow, async (route) => {
      asked();
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue().catch(() => {});
    });
    try {
      await page.goto(`${baseUrl}/admin/engine/containers/${chatty}`);
      // The viewer has mounted (its first load is out): a choice made before would change an inert select.
      await firstLoadAsked;
      await page.getByLabel("Last lines").selectOption("100");
      await expect.poll(lineCount, { timeout: 20_000 }).toBe("100 lines loaded");
      await new Promise((resolve) => setTimeout(resolve, 3500));
      expect(await lineCount()).toBe("100 lines loaded");
    } finally {
      await page.unroute(slow);
    }
  });
});

describe("a followed log that cannot go on", () => {
  it("stops following with the reason: a stream that keeps breaking, then a container that is gone", async () => {
    const doomed = run("doomed", `echo before-${TAG}; ${IDLE}`);
    await page.goto(`${baseUrl}/admin/engine/containers/${doomed}`);
    await page
      .getByTestId("log-text")
      .filter({ hasText: `before-${TAG}` })
      .waitFor();
    // Every stream breaks at once; the log endpoint itself still answers.
    await page.route(/\/logs\?follow=true/, (route) => route.abort());
    try {
      await page.getByLabel("Follow").click();
      await page
        .getByTestId("follow-problem")
        .filter({ hasText: "5 times in a row" })
        .waitFor({ timeout: 30_000 });
      expect(await page.getByText("Following…").count()).toBe(0);
      expect(await page.getByText("The container stopped").count()).toBe(0);
      // Gone from the engine: the first broken stream asks the endpoint, which says so.
      docker("rm", "-f", doomed);
      await page.getByLabel("Follow").click();
      await page.getByTestId("follow-problem").filter({ hasText: "There is no container" }).waitFor();
      expect(await page.getByLabel("Follow").isChecked()).toBe(false);
    } finally {
      await page.unroute(/\/logs\?follow=true/);
    }
  });
});

describe("the engine's containers in the browser", () => {
  const row = (suffix: string) =>
    page.locator(`[data-testid="container-row"][data-name="${nameOf(suffix)}"]`);
  const dialog = () => page.getByTestId("container-action-dialog");

  it("lists outside containers and stops one after a confirmation", async () => {
    await page.goto(`${baseUrl}/admin/engine/containers`);
    await page.getByLabel("Filter by name or image").fill(TAG);
    await expect.poll(() => page.getByTestId("container-row").count()).toBe(3);
    expect(await row("quiet").getByTestId("container-state").getAttribute("data-state")).toBe("running");
    expect(await row("guarded").getByTestId("protected").count()).toBe(1);

    await row("quiet").getByRole("button", { name: "Stop" }).click();
    await dialog().getByRole("button", { name: "Stop" }).click();
    await expect.poll(() => state(quiet), { timeout: 30_000 }).toBe("exited");
    // Running only: it leaves the list; all of them: it is there, exited.
    await expect.poll(() => row("quiet").count(), { timeout: 15_000 }).toBe(0);
    await page.getByRole("link", { name: "All", exact: true }).click();
    await page.waitForURL(/all=true/);
    await page.getByLabel("Filter by name or image").fill(TAG);
    await expect
      .poll(() => row("quiet").getByTestId("container-state").getAttribute("data-state"))
      .toBe("exited");
  });

  it("stops a protected container only once its name is typed", async () => {
    await row("guarded").getByRole("button", { name: "Stop" }).click();
    const confirm = dialog().getByRole("button", { name: "Stop" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog()
      .getByLabel(/Type .* to confirm/)
      .fill("not-the-name");
    expect(await confirm.isDisabled()).toBe(true);
    await dialog()
      .getByLabel(/Type .* to confirm/)
      .fill(nameOf("guarded"));
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await expect.poll(() => state(guarded), { timeout: 30_000 }).toBe("exited");
    await expect
      .poll(() => row("guarded").getByTestId("container-state").getAttribute("data-state"), {
        timeout: 15_000,
      })
      .toBe("exited");
  });
});
