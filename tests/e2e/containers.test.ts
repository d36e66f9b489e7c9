import type { BrowserContext } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForFile } from "../support/browser";
import { signIn } from "../support/sign-in";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const browser = browserForFile();

async function statusOf(context: BrowserContext, type: string): Promise<string | null> {
  const page = context.pages()[0];
  return (
    (await page?.getByTestId(`container-card-${type}`).getByTestId("status").getAttribute("data-status")) ??
    null
  );
}

describe("dashboard containers", () => {
  let ada: BrowserContext;
  let adaContainerId = "";

  it("shows dev and prod cards; Create & Open launches dev in a new tab and the card turns Running", async () => {
    ada = await browser().newContext();
    const page = await signIn(ada, baseUrl, mailDir, "grace@example.com");
    const dev = page.getByTestId("container-card-dev");
    await expect.poll(() => statusOf(ada, "dev")).toBe("not_created");
    expect(
      await page.getByTestId("container-card-prod").getByText("Production", { exact: true }).isVisible(),
    ).toBe(true);

    const [tab] = await Promise.all([
      ada.waitForEvent("page"),
      dev.getByRole("button", { name: "Create & Open" }).click(),
    ]);
    await tab.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/$/, { timeout: 30_000 });
    await tab.getByRole("heading", { name: "Hello from grace-dev" }).waitFor();

    await expect.poll(() => statusOf(ada, "dev"), { timeout: 15_000 }).toBe("running");
    expect(await dev.getByRole("link", { name: "Open Service" }).getAttribute("href")).toBe(tab.url());
    expect(await statusOf(ada, "prod")).toBe("not_created");

    const listed = await ada.request.get(`${baseUrl}/api/user/containers`);
    expect(listed.status()).toBe(200);
    const list = (await listed.json()).containers;
    expect(list.map((view: { type: string }) => view.type)).toEqual(["dev", "prod"]);
    adaContainerId = list[0].container_id;
    expect(adaContainerId).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps the first user's container and API entries from a second user", async () => {
    const other = await browser().newContext();
    const page = await signIn(other, baseUrl, mailDir, "mallory@example.com");
    await expect.poll(() => statusOf(other, "dev")).toBe("not_created");
    expect(await page.content()).not.toContain(adaContainerId);

    // grace's workspace page is a 404 for mallory, the same as an id that names nothing.
    const own = await ada.request.get(`${baseUrl}/api/workspaces`);
    expect(own.status()).toBe(200);
    const graceDevId = (await own.json()).workspaces.find((view: { name: string }) => view.name === "dev").id;
    const visit = await page.goto(`${baseUrl}/workspaces/${graceDevId}`);
    expect(visit?.status()).toBe(404);
    expect(await page.content()).not.toContain(adaContainerId);
    expect((await page.goto(`${baseUrl}/workspaces/wnosuchworkspace`))?.status()).toBe(404);
    const mine = await ada.newPage();
    expect((await mine.goto(`${baseUrl}/workspaces/${graceDevId}`))?.status()).toBe(200);
    await mine.getByRole("heading", { name: "Development", level: 1 }).waitFor();
    expect(await mine.getByTestId("container-id").textContent()).toBe(adaContainerId.slice(0, 12));
    await mine.close();
    await page.goto(`${baseUrl}/dashboard`);

    const listed = await other.request.get(`${baseUrl}/api/user/containers`);
    expect(listed.status()).toBe(200);
    const list = (await listed.json()).containers;
    expect(list.map((view: { status: string }) => view.status)).toEqual(["not_created", "not_created"]);
    expect(JSON.stringify(list)).not.toContain(adaContainerId);

    // Through Traefik, the route to grace's container asks forward-auth first: mallory is refused.
    const askTraefik = (as: BrowserContext) =>
      as.request.get(`${baseUrl}/api/forward-auth`, {
        headers: {
          "x-forwarded-uri": "/grace-dev/",
          "x-forwarded-method": "GET",
          "x-forwarded-host": "localhost",
        },
      });
    expect((await askTraefik(other)).status()).toBe(403);
    expect((await askTraefik(ada)).status()).toBe(200);

    // Launching acts on mallory's own container, never grace's.
    const response = await other.request.post(`${baseUrl}/api/container/launch/dev`);
    expect(response.status()).toBe(200);
    const launched = await response.json();
    expect(launched).toMatchObject({
      status: "running",
      container_id: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(launched.container_id).not.toBe(adaContainerId);
    await other.close();
    await ada.close();
  });
});
