// Idle shutdown as a person sees it, in a real browser, against a server of its own (a 4-second idle timeout and a
// culler looking every half second; the shared e2e server keeps the defaults): the dev slot opened from the
// dashboard, its tab closed, the dashboard left open — which is no activity — and the card then says why it stopped.
// Its launch button starts it again.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { createTestDatabase } from "../support/database";
import { E2E } from "../support/prefixes";
import { signIn } from "../support/sign-in";
import { startSmtpCapture } from "../support/smtp-capture";
import { removeLabelled, TEST_IMAGE } from "../support/test-image";
import { statusOf } from "../support/workspace-ui";

const PREFIX = `${E2E}-idle`;
const own = createTestDatabase("e2e-idle");
const mailDir = path.join(own.dir, "mail");
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(mailDir);
  removeLabelled(PREFIX);
  smtp = await startSmtpCapture(mailDir);
  app = await startAppServer({
    DATABASE_URL: own.url,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    EMAIL_SERVER: `smtp://127.0.0.1:${smtp.port}`,
    ADMIN_EMAILS: "",
    LABEL_PREFIX: PREFIX,
    CONTAINER_NETWORK: E2E,
    USER_TEMPLATE_IMAGE_DEV: TEST_IMAGE,
    USER_TEMPLATE_IMAGE_PROD: TEST_IMAGE,
    INGRESS: "local",
    IDLE_TIMEOUT: "4s",
    CULL_INTERVAL_MS: "500",
  });
  browser = await launchBrowser();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.close();
  removeLabelled(PREFIX);
  rmSync(own.dir, { recursive: true, force: true });
});

describe("idle shutdown on the dashboard", () => {
  it("stops the workspace while only the dashboard is open, and the card says it stopped without activity", async () => {
    const context = await browser.newContext();
    const page = await signIn(
      context,
      app.url,
      mailDir,
      `idle-${randomBytes(4).toString("hex")}@example.com`,
    );
    const dev = page.getByTestId("container-card-dev");
    const [tab] = await Promise.all([
      context.waitForEvent("page"),
      dev.getByRole("button", { name: "Create & Open" }).click(),
    ]);
    await tab.getByRole("heading", { name: /^Hello from / }).waitFor({ timeout: 30_000 });
    await tab.close();
    await expect.poll(() => statusOf(dev), { timeout: 30_000 }).toBe("stopped");
    await expect
      .poll(() => dev.getByTestId("card-note").textContent())
      .toContain("Stopped after 4 seconds without activity");

    const [again] = await Promise.all([
      context.waitForEvent("page"),
      dev.getByRole("button", { name: "Create & Open" }).click(),
    ]);
    await again.getByRole("heading", { name: /^Hello from / }).waitFor({ timeout: 30_000 });
    await expect.poll(() => statusOf(dev), { timeout: 15_000 }).toBe("running");
    expect(await dev.getByTestId("card-note").count()).toBe(0);
    await context.close();
  }, 120_000);
});
