import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { signIn } from "../support/sign-in";
import { docker } from "../support/test-image";
import { dockerExec as exec, listWorkspaces, slugOf, statusOf, volumeExists } from "../support/workspace-ui";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const gitPrivateUrl = inject("gitPrivateUrl");
const gitToken = inject("gitToken");

let browser: Browser;
let context: BrowserContext;
let page: Page;
let slug = "";

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await signIn(context, baseUrl, mailDir, `broken-${randomBytes(4).toString("hex")}@example.com`);
  slug = await slugOf(page);
});
afterAll(async () => {
  await browser?.close();
});

const listed = () => listWorkspaces(context, baseUrl);
const dialog = () => page.getByTestId("new-workspace-dialog");

describe("workspaces: a launch that fails", () => {
  it("shows why in the dialog, keeps the workspace, and its page fixes the token so Open clones", async () => {
    await page.getByRole("button", { name: "New workspace" }).click();
    const form = dialog();
    await form.getByLabel("Name", { exact: true }).fill("broken");
    await form.getByLabel("Template").selectOption("dev");
    await form.getByLabel("Repository URL").fill(gitPrivateUrl);
    await form.getByLabel("Access token").fill("wrong-token");
    await form.getByRole("button", { name: "Create & Open" }).click();

    const problem = form.getByTestId("launch-error");
    await problem.waitFor({ timeout: 60_000 });
    expect(await problem.textContent()).toContain("The repository could not be cloned");
    expect(await problem.textContent()).not.toContain("wrong-token");
    expect(await form.locator('[data-testid="launch-step"][data-state="error"]').textContent()).toContain(
      "Cloning the repository",
    );
    // The tab opened for the click is closed again; the workspace exists and stays editable.
    await expect.poll(() => context.pages().length).toBe(1);
    const broken = (await listed()).find((candidate) => candidate.name === "broken");
    expect(broken?.settings.git?.cloned_at).toBeNull();
    expect(await form.getByRole("link", { name: "open its page" }).getAttribute("href")).toBe(
      `/workspaces/${broken?.id}`,
    );
    await form.getByRole("link", { name: "open its page" }).click();
    await page.waitForURL(`${baseUrl}/workspaces/${broken?.id}`);
    await page.getByRole("heading", { name: "broken", level: 1 }).waitFor();
    expect(await page.getByTestId("card-error").textContent()).toContain("could not be cloned");

    // A new token: saved at once (nothing to restart), then Open clones with it.
    const settings = page.getByTestId("settings-form");
    await settings.getByRole("button", { name: "Replace" }).click();
    await settings.getByLabel("Access token").fill(gitToken);
    await settings.getByRole("button", { name: "Save settings" }).click();
    await expect
      .poll(() =>
        settings
          .getByTestId("settings-saved")
          .textContent()
          .catch(() => null),
      )
      .toBe("Saved.");
    expect(await page.getByRole("alertdialog").count()).toBe(0);

    const [tab] = await Promise.all([
      context.waitForEvent("page"),
      page.getByRole("button", { name: "Open", exact: true }).click(),
    ]);
    await tab.getByRole("heading", { name: `Hello from ${slug}-broken` }).waitFor({ timeout: 90_000 });
    await tab.close();
    await expect.poll(() => statusOf(page), { timeout: 15_000 }).toBe("running");
    await page.getByTestId("git-cloned").waitFor();
    expect(await page.getByTestId("card-error").count()).toBe(0);
    const cloned = (await listed()).find((candidate) => candidate.name === "broken");
    expect(exec(cloned?.container_id ?? "", "cat /workspace/src/app.txt")).toBe("app source");

    // New limits, applied at the next start: the change waits, and Restart applies it.
    await settings.getByLabel("Memory (MB)").fill("300");
    await settings.getByRole("button", { name: "Save settings" }).click();
    const asked = page.getByRole("alertdialog");
    await asked.getByText("Saving restarts your running workspace. Its data is kept.").waitFor();
    await asked.getByRole("button", { name: "Save, apply at next start" }).click();
    await expect
      .poll(() =>
        settings
          .getByTestId("settings-saved")
          .textContent()
          .catch(() => null),
      )
      .toBe("Saved. It applies at the next restart or start.");
    await expect
      .poll(() =>
        page
          .getByTestId("pending-change")
          .textContent()
          .catch(() => null),
      )
      .toBe("Changes waiting: restart to apply.");
    const container = cloned?.container_id ?? "";
    expect(docker("inspect", "-f", "{{.HostConfig.Memory}}", container)).toBe(String(512 * 1024 * 1024));
    await page.getByRole("button", { name: "Restart" }).click();
    await page.getByTestId("pending-change").waitFor({ state: "detached", timeout: 30_000 });
    expect(docker("inspect", "-f", "{{.HostConfig.Memory}}", container)).toBe(String(300 * 1024 * 1024));
    expect(await statusOf(page)).toBe("running");

    // Deleted without keeping the data: nothing is left.
    await page.getByRole("button", { name: "Delete" }).click();
    const ask = page.getByRole("alertdialog");
    await ask.getByRole("checkbox", { name: "Keep its data" }).click();
    expect(await ask.textContent()).toContain("Its data is removed for good.");
    await ask.getByRole("button", { name: "Delete" }).click();
    await page.waitForURL(`${baseUrl}/dashboard`, { timeout: 20_000 });
    expect(await page.getByTestId("workspace-card-broken").count()).toBe(0);
    expect(await page.getByTestId("kept-data").count()).toBe(0);
    expect(volumeExists(cloned?.data.volume ?? "")).toBe(false);
  });
});
