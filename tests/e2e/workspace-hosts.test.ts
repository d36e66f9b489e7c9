// Subdomain routing in a real browser, behind the Traefik stand-in (tests/support/workspace-proxy.ts) that routes
// by the labels the app put on the engine's containers and asks the app's forward-auth exactly as Traefik does:
// the owner reaches their workspace on its own host through the sign-in handshake, the workspace never sees the
// app's session cookie, nobody else gets in, and the attacks on the handshake fail where a person would try them.
import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catchHandshake, createAndOpen, pageApi } from "../support/host-flows";
import { waitForMagicLink } from "../support/mailbox";
import { E2E } from "../support/prefixes";
import { signIn } from "../support/sign-in";
import { EVIL_HOST, type SubdomainStack, startSubdomainStack } from "../support/subdomain-stack";
import { TEST_IMAGE } from "../support/test-image";
import { slugOf } from "../support/workspace-ui";

type View = { id: string; service_url: string | null; embed_url: string | null };

const COOKIE = "__Host-spawner-ws";
const email = (who: string) => `${who}-${randomBytes(4).toString("hex")}@example.com`;
const ada = email("ada");
const bob = email("bob");

let stack: SubdomainStack;
let browser: Browser;
let adaContext: BrowserContext;
let adaPage: Page;
let slug = "";
const navigations: string[] = [];
/** Ada's two workspaces: their ids and hosts. */
const site = { id: "", host: "" };
const other = { id: "", host: "" };

const hostOf = (url: string | null) => new URL(url ?? "http://none").host;
const hello = (page: Page, name: string) => page.getByRole("heading", { name: `Hello from ${slug}-${name}` });
/** A page's text once a navigation settled, whatever it was (a page, JSON, a plain-text refusal). */
const textOf = async (page: Page) => (await page.locator("body").textContent()) ?? "";

beforeAll(async () => {
  stack = await startSubdomainStack({
    prefix: `${E2E}-hosts`,
    env: { USER_TEMPLATE_IMAGE_DEV: TEST_IMAGE, USER_TEMPLATE_IMAGE_PROD: TEST_IMAGE, RECONCILER: "off" },
  });
  browser = await stack.launchBrowser();
  adaContext = await browser.newContext();
  adaContext.on("request", (request) => {
    if (request.isNavigationRequest()) navigations.push(request.url());
  });
  adaPage = await signIn(adaContext, stack.baseUrl, stack.mailDir, ada);
  slug = await slugOf(adaPage);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("a workspace on its own host", () => {
  it("opens for its owner through the sign-in handshake, with a host-only cookie and without the app's", async () => {
    const tab = await createAndOpen(adaPage, { name: "site", template: "dev" });
    await hello(tab, "site").waitFor({ timeout: 90_000 });
    const views = await pageApi<{ workspaces: (View & { name: string })[] }>(
      adaPage,
      "GET",
      "/api/workspaces",
    );
    const view = views.workspaces.find((workspace) => workspace.name === "site");
    site.id = view?.id ?? "";
    site.host = hostOf(view?.service_url ?? null);
    expect(site.host).toMatch(/^web--[a-z0-9-]+\.ws\.spawner\.test$/);
    expect(tab.url()).toBe(`https://${site.host}/`);

    // The way there: the host sent the browser to the app, the app sent it back with a code, the host set its cookie.
    const start = navigations.findIndex((url) =>
      url.startsWith(`${stack.baseUrl}/api/workspace-auth/start?`),
    );
    const exchange = navigations.findIndex((url) =>
      url.startsWith(`https://${site.host}/__spawner/auth?code=`),
    );
    expect(start).toBeGreaterThan(-1);
    expect(exchange).toBeGreaterThan(start);
    expect(new URL(navigations[start] ?? "").searchParams.get("host")).toBe(site.host);

    const cookies = await adaContext.cookies(`https://${site.host}/`);
    expect(cookies.map((cookie) => cookie.name)).toEqual([COOKIE]);
    // Host-only (no Domain: Playwright shows the bare host), HttpOnly, Secure, SameSite=Lax.
    expect(cookies[0]).toMatchObject({
      domain: site.host,
      path: "/",
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
    });
    expect((await adaContext.cookies(stack.baseUrl)).map((cookie) => cookie.name)).not.toContain(COOKIE);

    // What the workload itself was sent: its host's cookie, never the app's session (nor any Auth.js cookie).
    await tab.goto(`https://${site.host}/cgi-bin/request`);
    const received = await textOf(tab);
    expect(received).toContain(`${COOKIE}=v1.`);
    expect(received).not.toContain("authjs");
    await tab.close();
  });

  it("refuses another signed-in user at the owner's host: they see the app's refusal, never the page", async () => {
    const context = await browser.newContext();
    const page = await signIn(context, stack.baseUrl, stack.mailDir, bob);
    const response = await page.goto(`https://${site.host}/`);
    expect(response?.status()).toBe(404);
    expect(page.url().startsWith(`${stack.baseUrl}/api/workspace-auth/start?`)).toBe(true);
    expect(await textOf(page)).toContain("There is no such workspace.");
    expect(await textOf(page)).not.toContain("Hello from");
    expect(await context.cookies(`https://${site.host}/`)).toEqual([]);
    await context.close();
  });

  it("sends a signed-out visitor to sign in, and after signing in as the owner on to the page they asked for", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`https://${site.host}/index.html?from=mail`);
    expect(new URL(page.url()).origin).toBe(stack.baseUrl);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByLabel("Email").fill(ada);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    await page.goto(await waitForMagicLink(stack.mailDir, ada, 2));
    await page.getByRole("button", { name: `Sign in as ${ada}` }).click();
    await page.waitForURL(`https://${site.host}/index.html?from=mail`, { timeout: 20_000 });
    await hello(page, "site").waitFor();
    await context.close();
  });

  it("shows the primary app in the workspace page's frame, signing in to its host there, framed by the app alone", async () => {
    const view = await pageApi<View>(adaPage, "GET", `/api/workspaces/${site.id}`);
    expect(view.embed_url).toBe(`https://${site.host}/`);
    // As on a first visit (or once the host's cookie expired): the frame goes through the handshake itself.
    await adaContext.clearCookies({ name: COOKIE });
    const framed = adaPage.waitForResponse(
      (response) => response.url() === view.embed_url && response.status() === 200,
      {
        timeout: 30_000,
      },
    );
    await adaPage.goto(`${stack.baseUrl}/workspaces/${site.id}`);
    const response = await framed;
    expect(response.headers()["content-security-policy"]).toBe(`frame-ancestors ${stack.baseUrl}`);
    expect(response.headers()["x-frame-options"]).toBeUndefined();
    const frame = adaPage.frameLocator('[data-testid="app-frame"] iframe');
    await frame.getByRole("heading", { name: `Hello from ${slug}-site` }).waitFor();
    await expect.poll(() => adaPage.getByTestId("app-frame").getAttribute("data-state")).toBe("loaded");
    expect((await adaContext.cookies(`https://${site.host}/`)).map((cookie) => cookie.name)).toEqual([
      COOKIE,
    ]);
  });
});

describe("attacks on the handshake, in the browser", () => {
  beforeAll(async () => {
    // Ada's second workspace, started through the API the app's own pages use.
    const created = await pageApi<View>(adaPage, "POST", "/api/workspaces", {
      name: "other",
      template: "dev",
    });
    const started = await pageApi<View>(adaPage, "POST", `/api/workspaces/${created.id}/start`);
    other.id = created.id;
    other.host = hostOf(started.service_url);
    expect(other.host).not.toBe(site.host);
  });

  it("lets a handshake link work once: opened again (a replay), it is refused and sets no cookie", async () => {
    const handshake = await catchHandshake(adaContext, stack.proxy, stack.baseUrl, site.host);
    const thief = await browser.newContext();
    const page = await thief.newPage();
    await page.goto(handshake.toString());
    await hello(page, "site").waitFor();
    const replay = await browser.newContext();
    const again = await replay.newPage();
    const response = await again.goto(handshake.toString());
    expect(response?.status()).toBe(403);
    expect(await textOf(again)).toContain("used up or expired");
    expect(await replay.cookies(`https://${site.host}/`)).toEqual([]);
    await thief.close();
    await replay.close();
  });

  it("refuses a code on another host, even one of the same owner, and spends it there", async () => {
    const handshake = await catchHandshake(adaContext, stack.proxy, stack.baseUrl, site.host);
    const context = await browser.newContext();
    const page = await context.newPage();
    const elsewhere = await page.goto(`https://${other.host}${handshake.pathname}${handshake.search}`);
    expect(elsewhere?.status()).toBe(403);
    expect(await context.cookies(`https://${other.host}/`)).toEqual([]);
    expect((await page.goto(handshake.toString()))?.status()).toBe(403);
    await context.close();
  });

  it("never sends the browser off the workspace host, however the return address is spelled", async () => {
    for (const evil of [
      `https://${EVIL_HOST}/`,
      `//${EVIL_HOST}/`,
      `/\\${EVIL_HOST}/`,
      `/%2F${EVIL_HOST}/`,
    ]) {
      // Asked of the app…
      const start = new URL("/api/workspace-auth/start", stack.baseUrl);
      start.searchParams.set("host", site.host);
      start.searchParams.set("return", evil);
      await adaPage.goto(start.toString());
      expect(new URL(adaPage.url()).host, evil).toBe(site.host);
      // …and forged onto the exchange itself.
      const handshake = await catchHandshake(adaContext, stack.proxy, stack.baseUrl, site.host);
      handshake.searchParams.set("return", evil);
      await adaPage.goto(handshake.toString());
      expect(new URL(adaPage.url()).host, evil).toBe(site.host);
    }
    expect(stack.proxy.events.some((event) => event.host === EVIL_HOST)).toBe(false);
  });

  it("refuses one workspace host's cookie at the owner's other workspace host", async () => {
    const [cookie] = await adaContext.cookies(`https://${site.host}/`);
    if (!cookie) throw new Error("no cookie for the first host");
    // Someone holding only that cookie (no app session): it opens its own host, and not the other one.
    const context = await browser.newContext();
    const copy = {
      name: cookie.name,
      value: cookie.value,
      httpOnly: true,
      secure: true,
      sameSite: "Lax" as const,
    };
    await context.addCookies([
      { ...copy, url: `https://${site.host}/` },
      { ...copy, url: `https://${other.host}/` },
    ]);
    const page = await context.newPage();
    await page.goto(`https://${site.host}/`);
    await hello(page, "site").waitFor();
    await page.goto(`https://${other.host}/`);
    expect(new URL(page.url()).origin).toBe(stack.baseUrl);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await textOf(page)).not.toContain("Hello from");
    await context.close();
  });
});
