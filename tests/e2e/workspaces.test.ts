import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { signIn } from "../support/sign-in";
import { docker } from "../support/test-image";
import {
  dockerExec as exec,
  listWorkspaces,
  recordLaunchSteps,
  slugOf,
  statusOf,
  volumeExists,
  type WorkspaceJson,
} from "../support/workspace-ui";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const gitPrivateUrl = inject("gitPrivateUrl");
const gitToken = inject("gitToken");

const SECRET_PATH = "~/.config/demo/secret.txt";
const SECRET_CONTENT = `s3cret-${randomBytes(6).toString("hex")}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let slug = "";
let workspace: WorkspaceJson;
let maxMemoryMb = 0;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await signIn(context, baseUrl, mailDir, `ws-${randomBytes(4).toString("hex")}@example.com`);
  slug = await slugOf(page);
  const templates = await context.request.get(`${baseUrl}/api/templates`);
  expect(templates.status()).toBe(200);
  const dev = (await templates.json()).templates.find(
    (template: { name: string }) => template.name === "dev",
  );
  maxMemoryMb = dev.limits.max.memory_mb;
});
afterAll(async () => {
  await browser?.close();
});

const listed = () => listWorkspaces(context, baseUrl);
const findProj = async () => (await listed()).find((candidate) => candidate.name === "proj");
const dialog = () => page.getByTestId("new-workspace-dialog");
const field = (scope: Locator, name: string) => scope.locator(`[data-field="${name}"]`);
const errorAt = (scope: Locator) => scope.getByTestId("field-error").first().textContent();
const card = () => page.getByTestId("workspace-card-proj");

describe("workspaces: create with every setting, change, delete keeping data", () => {
  it("shows every field error at its field and creates nothing", async () => {
    expect(slug).toMatch(/^ws-/);
    await page.getByRole("button", { name: "New workspace" }).click();
    const form = dialog();
    await form.getByRole("heading", { name: "New workspace" }).waitFor();

    // The name stays empty; two bad variables; memory above the template's maximum.
    await form.getByRole("button", { name: "Add variable" }).click();
    await form.getByRole("button", { name: "Add variable" }).click();
    await form.getByLabel("Name of variable 1").fill("1BAD");
    await form.getByLabel("Value of variable 1").fill("x");
    await form.getByLabel("Name of variable 2").fill("USER_ID");
    await form.getByLabel("Value of variable 2").fill("y");
    await form.getByLabel("Memory (MB)").fill(String(maxMemoryMb + 1));
    await form.getByRole("button", { name: "Create & Open" }).click();

    const rows = form.getByTestId("env-row");
    await rows.nth(0).getByTestId("field-error").waitFor();
    expect(await errorAt(field(rows.nth(0), "env.0.key"))).toContain("not starting with a digit");
    expect(await errorAt(field(rows.nth(1), "env.1.key"))).toContain("The app sets this name itself");
    expect(await errorAt(field(form, "limits.memory_mb"))).toContain(`at most ${maxMemoryMb} MB`);
    expect(await errorAt(field(form, "name"))).toContain("lower-case letters");
    expect(await form.getByLabel("Name of variable 1").getAttribute("aria-invalid")).toBe("true");
    expect(await field(form, "env.0.value").getByTestId("field-error").count()).toBe(0);
    expect(await listed()).toEqual([]);

    // A rule only the server knows: "prod" is the prod slot's name. Its error comes back to the name field.
    await form.getByLabel("Name", { exact: true }).fill("prod");
    await form.getByLabel("Template").selectOption("dev");
    await form.getByLabel("Name of variable 1").fill("FOO");
    await form.getByLabel("Value of variable 1").fill("bar");
    await form.getByLabel("Name of variable 2").fill("GREETING");
    await form.getByLabel("Value of variable 2").fill("hello world");
    await form.getByLabel("Memory (MB)").fill("256");
    await form.getByRole("button", { name: "Create & Open" }).click();
    await expect.poll(() => errorAt(field(form, "name")), { timeout: 10_000 }).toContain("slot's name");
    expect(await form.getByTestId("env-row").getByTestId("field-error").count()).toBe(0);
    expect(await field(form, "limits.memory_mb").getByTestId("field-error").count()).toBe(0);
    // The tab opened for the click is closed again.
    await expect.poll(() => context.pages().length).toBe(1);
    expect(await listed()).toEqual([]);
  });

  it("creates it with a private repository, variables, a secret file and limits, and opens it", async () => {
    const form = dialog();
    await form.getByLabel("Name", { exact: true }).fill("proj");
    await form.getByLabel("Display name").fill("My Project");
    await form.getByLabel("Template").selectOption("dev");
    expect(await form.getByLabel("Data", { exact: true }).inputValue()).toBe("");
    await form.getByLabel("Repository URL").fill(gitPrivateUrl);
    await form.getByLabel("Branch").fill("feature");
    await form.getByLabel("Username").fill("git");
    await form.getByLabel("Access token").fill(gitToken);
    expect(await form.getByLabel("Access token").getAttribute("type")).toBe("password");
    await form.getByRole("button", { name: "Add file" }).click();
    await form.getByLabel("Path of file 1").fill(SECRET_PATH);
    // The content comes from a file picked on this computer.
    await form
      .getByLabel("Read file 1 from this computer")
      .setInputFiles({ name: "secret.txt", mimeType: "text/plain", buffer: Buffer.from(SECRET_CONTENT) });
    await expect
      .poll(() => form.getByLabel("Content of file 1", { exact: true }).inputValue())
      .toBe(SECRET_CONTENT);
    await form.getByLabel("CPUs").fill("0.5");
    await form.getByLabel("Processes").fill("128");
    const steps = await recordLaunchSteps(page);

    const [tab] = await Promise.all([
      context.waitForEvent("page"),
      form.getByRole("button", { name: "Create & Open" }).click(),
    ]);
    await form.getByTestId("launch-progress").waitFor({ timeout: 10_000 });
    await tab.getByRole("heading", { name: `Hello from ${slug}-proj` }).waitFor({ timeout: 90_000 });
    expect(tab.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await form.waitFor({ state: "hidden", timeout: 15_000 });
    await expect.poll(() => statusOf(card()), { timeout: 15_000 }).toBe("running");
    expect(await card().getByText("My Project").isVisible()).toBe(true);
    await tab.close();
    const labels = (await steps()).map((seen) => seen.split(":")[1]);
    expect(labels).toContain("Cloning the repository");
    expect(await steps()).toContain("done:Cloning the repository");

    const found = await findProj();
    if (!found) throw new Error("proj was not created");
    workspace = found;
    expect(workspace.status).toBe("running");
    expect(workspace.container_id).toMatch(/^[0-9a-f]{64}$/);
    expect(workspace.settings.git).toMatchObject({ url: gitPrivateUrl, branch: "feature", has_token: true });
    expect(workspace.settings.git?.cloned_at).toEqual(expect.any(String));
    expect(workspace.settings.env).toEqual([
      { key: "FOO", value: "bar" },
      { key: "GREETING", value: "hello world" },
    ]);
    expect(workspace.settings.secret_files).toEqual([
      expect.objectContaining({ path: SECRET_PATH, size: SECRET_CONTENT.length }),
    ]);
    expect(workspace.settings.limits).toMatchObject({ memory_mb: 256, cpus: 0.5, pids: 128 });
    // Secrets never come back.
    const body = JSON.stringify(await listed());
    expect(body).not.toContain(gitToken);
    expect(body).not.toContain(SECRET_CONTENT);

    // What the engine holds: the clone of the branch, the variables, the secret file for the workspace's user.
    const container = workspace.container_id ?? "";
    expect(exec(container, "cat /workspace/README.md")).toBe("# Hello from the test repository");
    expect(exec(container, "cat /workspace/.git/HEAD")).toBe("ref: refs/heads/feature");
    expect(exec(container, 'echo "$FOO|$GREETING"')).toBe("bar|hello world");
    expect(exec(container, `cat /home/app/.config/demo/secret.txt`)).toBe(SECRET_CONTENT);
    expect(docker("inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.PidsLimit}}", container)).toBe(
      `${256 * 1024 * 1024} 128`,
    );
  });

  it("shows the workspace page: the clone, the secret file by path only, the saved token, the settings", async () => {
    await card().getByRole("link", { name: "Details" }).click();
    await page.waitForURL(`${baseUrl}/workspaces/${workspace.id}`);
    await page.getByRole("heading", { name: "My Project", level: 1 }).waitFor();
    expect(await page.title()).toContain("My Project");
    expect(await statusOf(page)).toBe("running");
    expect(await page.getByTestId("git-cloned").textContent()).toMatch(/^Cloned /);
    expect(await page.getByTestId("data-volume").textContent()).toBe(workspace.data.volume);
    expect(await page.getByTestId("data-path").textContent()).toBe("/workspace");
    expect(await page.getByTestId("service-url").getAttribute("href")).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/$/,
    );

    const settings = page.getByTestId("settings-form");
    expect(await settings.getByTestId("saved-secret-file").textContent()).toContain(SECRET_PATH);
    expect(await settings.getByTestId("token-saved").textContent()).toBe("A token is saved.");
    expect(await settings.getByLabel("Repository URL").inputValue()).toBe(gitPrivateUrl);
    expect(await settings.getByLabel("Branch").inputValue()).toBe("feature");
    expect(await settings.getByLabel("Value of variable 1").inputValue()).toBe("bar");
    expect(await settings.getByLabel("Value of variable 2").inputValue()).toBe("hello world");
    expect(await settings.getByLabel("Memory (MB)").inputValue()).toBe("256");
    const html = await page.content();
    expect(html).not.toContain(SECRET_CONTENT);
    expect(html).not.toContain(gitToken);
  });

  it("re-creates it on 'Save and apply now' after an env change, and its data survives", async () => {
    const before = workspace.container_id ?? "";
    exec(before, "echo kept > /workspace/marker");
    const settings = page.getByTestId("settings-form");
    await settings.getByLabel("Value of variable 1").fill("baz");
    await settings.getByRole("button", { name: "Save settings" }).click();

    const ask = page.getByRole("alertdialog");
    await ask.getByText("Saving re-creates your running workspace. Its data is kept.").waitFor();
    expect(await ask.getByRole("button", { name: "Save, apply at next start" }).isVisible()).toBe(true);
    await ask.getByRole("button", { name: "Save and apply now" }).click();
    await expect
      .poll(
        () =>
          settings
            .getByTestId("settings-saved")
            .textContent()
            .catch(() => null),
        { timeout: 60_000 },
      )
      .toBe("Saved and re-created; the data was kept.");

    const after = await findProj();
    expect(after?.status).toBe("running");
    expect(after?.container_id).toMatch(/^[0-9a-f]{64}$/);
    expect(after?.container_id).not.toBe(before);
    expect(after?.settings.env[0]).toEqual({ key: "FOO", value: "baz" });
    const container = after?.container_id ?? "";
    expect(exec(container, "cat /workspace/marker")).toBe("kept");
    expect(exec(container, 'echo "$FOO"')).toBe("baz");
    // The secret file and the clone come along; the repository is not cloned again over the data.
    expect(exec(container, "cat /home/app/.config/demo/secret.txt")).toBe(SECRET_CONTENT);
    expect(after?.settings.git?.cloned_at).toBe(workspace.settings.git?.cloned_at);
    expect(docker("ps", "-aq", "--no-trunc", "--filter", `id=${before}`)).toBe("");
    await expect
      .poll(() => page.getByTestId("container-id").textContent(), { timeout: 10_000 })
      .toBe(container.slice(0, 12));
    expect(await page.getByTestId("pending-change").count()).toBe(0);
    workspace = after as WorkspaceJson;
  });

  it("deletes it keeping the data, lists the kept volume, then removes it for good", async () => {
    await page.getByRole("button", { name: "Delete" }).click();
    const ask = page.getByRole("alertdialog");
    await ask.getByText("Delete My Project?").waitFor();
    expect(await ask.getByRole("checkbox", { name: "Keep its data" }).getAttribute("aria-checked")).toBe(
      "true",
    );
    expect(await ask.textContent()).toContain(
      "Its data volume is kept; you can attach it to a new workspace or remove it later.",
    );
    await ask.getByRole("button", { name: "Delete" }).click();
    await page.waitForURL(`${baseUrl}/dashboard`, { timeout: 20_000 });

    const kept = page.getByTestId("kept-data");
    await kept.waitFor();
    const row = kept.getByTestId("kept-volume");
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute("data-volume")).toBe(workspace.data.volume);
    expect(await row.textContent()).toContain("From proj (dev)");
    expect(await card().count()).toBe(0);
    expect(await findProj()).toBeUndefined();
    expect(volumeExists(workspace.data.volume)).toBe(true);
    const volumes = await context.request.get(`${baseUrl}/api/volumes`);
    expect(volumes.status()).toBe(200);
    expect((await volumes.json()).volumes).toEqual([
      expect.objectContaining({ name: workspace.data.volume }),
    ]);

    // A new workspace may take it as its data.
    await page.getByRole("button", { name: "New workspace" }).click();
    const options = await dialog().getByLabel("Data", { exact: true }).locator("option").allTextContents();
    expect(options).toEqual(["A new empty volume", expect.stringMatching(/^Kept data of proj /)]);
    await page.keyboard.press("Escape");
    await dialog().waitFor({ state: "hidden" });

    await row.getByRole("button", { name: "Remove" }).click();
    await ask.getByText("Remove the kept data of proj?").waitFor();
    await ask.getByRole("button", { name: "Remove" }).click();
    await kept.waitFor({ state: "detached", timeout: 15_000 });
    expect(volumeExists(workspace.data.volume)).toBe(false);
    const after = await context.request.get(`${baseUrl}/api/volumes`);
    expect((await after.json()).volumes).toEqual([]);
  });
});
