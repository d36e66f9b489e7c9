// The ide template with its real image (code-server, built by scripts/templates-build.sh) on its own host behind the
// Traefik stand-in: the editor opens with the cloned repository and runs a terminal command. The workbench and the
// terminal live on WebSockets, so this proves upgrades pass the proxy and forward-auth — with the host's cookie only.
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GitServer, startGitServer } from "../support/git-server";
import { createAndOpen } from "../support/host-flows";
import { E2E } from "../support/prefixes";
import { signIn } from "../support/sign-in";
import { type SubdomainStack, startSubdomainStack } from "../support/subdomain-stack";
import { buildTestImage, TEST_IMAGE } from "../support/test-image";

const IDE_IMAGE = process.env.USER_TEMPLATE_IMAGE_IDE ?? "spawner-ide:latest";
const PREFIX = `${E2E}-ide`;

let stack: SubdomainStack;
let git: GitServer;
let browser: Browser;
let ide: Page;
let host = "";

beforeAll(async () => {
  try {
    execFileSync("docker", ["image", "inspect", IDE_IMAGE], { stdio: "ignore" });
  } catch {
    throw new Error(
      `The IDE image ${IDE_IMAGE} is missing: build it with npm run templates:build (npm test does).`,
    );
  }
  stack = await startSubdomainStack({
    prefix: PREFIX,
    env: {
      USER_TEMPLATE_IMAGE_IDE: IDE_IMAGE,
      GIT_HELPER_IMAGE: "spawner-git:latest",
      // The test git server speaks plain http on a closed network.
      GIT_ALLOW_HTTP: "true",
      READINESS_TIMEOUT_MS: "120000",
      RECONCILER: "off",
    },
  });
  git = startGitServer({ network: PREFIX, image: buildTestImage(), name: `${PREFIX}-gitserver` });
  browser = await stack.launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  git?.stop();
  await stack?.stop();
});

const terminalText = () =>
  ide.evaluate(() =>
    [...document.querySelectorAll(".xterm-rows")].map((rows) => rows.textContent).join("\n"),
  );

describe("the browser IDE on its own host", () => {
  it("opens the editor with the cloned repository's files", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(
      context,
      stack.baseUrl,
      stack.mailDir,
      `ide-${randomBytes(4).toString("hex")}@example.com`,
    );
    ide = await createAndOpen(page, { name: "code", template: "ide", repository: git.publicUrl });
    await ide.locator(".monaco-workbench").waitFor({ timeout: 150_000 });
    host = new URL(ide.url()).host;
    expect(host).toMatch(/^ide--[a-z0-9-]+\.ws\.spawner\.test$/);
    const explorer = ide.locator(".explorer-folders-view");
    await explorer.getByText("README.md", { exact: true }).waitFor({ timeout: 60_000 });
    await explorer.getByText("src", { exact: true }).waitFor();
  });

  it("runs a command in a terminal and shows its output", async () => {
    await ide.locator(".monaco-workbench").click({ position: { x: 700, y: 400 } });
    await ide.keyboard.press("Control+Backquote");
    await ide.locator(".xterm-screen").first().waitFor({ timeout: 60_000 });
    await ide.locator(".xterm-screen").first().click();
    await expect
      .poll(() => ide.evaluate(() => document.activeElement?.classList.contains("xterm-helper-textarea")), {
        timeout: 30_000,
      })
      .toBe(true);
    // The shell may still be starting: what is typed waits in its input, and only its output says 42.
    // The workspace's proof of forward-auth stays with the guard in front of code-server, not in the terminal.
    await ide.keyboard.type(
      `echo $((6*7))-marker; node -v; cat README.md; echo "token-length=[\${#WORKSPACE_ACCESS_TOKEN}]"`,
    );
    await ide.keyboard.press("Enter");
    await expect.poll(terminalText, { timeout: 60_000 }).toMatch(/42-marker[\s\S]*v24\.\d+/);
    // The terminal renders as output arrives: what comes after the marker may still be on its way.
    await expect.poll(terminalText, { timeout: 10_000 }).toContain("# Hello from the test repository");
    await expect.poll(terminalText, { timeout: 10_000 }).toContain("token-length=[0]");
  });

  it("refuses another workspace on the shared network that goes to the IDE's port directly, past Traefik", () => {
    const id = execFileSync("docker", ["ps", "-q", "--filter", `label=${PREFIX}.template=ide`], {
      encoding: "utf8",
    }).trim();
    const ip = execFileSync(
      "docker",
      ["inspect", "--format", `{{(index .NetworkSettings.Networks "${PREFIX}").IPAddress}}`, id],
      { encoding: "utf8" },
    ).trim();
    // Another container on the workspaces' network, as a neighbour's terminal would ask.
    const neighbour = (path: string, header?: string) =>
      spawnSync(
        "docker",
        [
          "run",
          "--rm",
          "--network",
          PREFIX,
          TEST_IMAGE,
          "wget",
          "-S",
          "-q",
          "-O",
          "-",
          ...(header ? ["--header", header] : []),
          `http://${ip}:8080${path}`,
        ],
        { encoding: "utf8" },
      );
    const direct = neighbour("/");
    expect(`${direct.stdout}${direct.stderr}`).toMatch(/HTTP\/1\.1 403/);
    expect(direct.stdout).not.toContain("workbench");
    expect(`${neighbour("/", "X-Spawner-Access: guessed").stderr}`).toMatch(/HTTP\/1\.1 403/);
    // Only the readiness probe's path is open.
    expect(neighbour("/healthz").stdout).toMatch(/"status"/);
  });

  it("passed the editor's WebSockets through forward-auth, and refuses one without the host's cookie", async () => {
    const upgrades = stack.proxy.events.filter((event) => event.host === host && event.upgrade);
    expect(upgrades.length).toBeGreaterThan(0);
    expect(upgrades.every((event) => event.auth === 200)).toBe(true);
    const refused = await stack.proxy.request(`https://${host}/stable-x/socket`, {
      connection: "Upgrade",
      upgrade: "websocket",
      "sec-websocket-key": randomBytes(16).toString("base64"),
      "sec-websocket-version": "13",
    });
    expect(refused.status).toBe(401);
  });
});
