// Magic-link sign-in over HTTP against the built server with a real SMTP capture: what a mail scanner, a second
// click, an old link, a flood of requests or a hostile callbackUrl get.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { type AppServer, startAppServer } from "../support/app-server";
import { mailsTo, waitForMagicLink } from "../support/mailbox";
import { startSmtpCapture } from "../support/smtp-capture";
import { uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const db = getDb();
const mailDir = mkdtempSync(path.join(tmpdir(), "spawner-sign-in-mail-"));
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let app: AppServer;
let ipCounter = 0;

const mailSettings = () => ({
  ...testSettings,
  RECONCILER: "off",
  EMAIL_SERVER: `smtp://127.0.0.1:${smtp.port}`,
  EMAIL_FROM: "Spawner <spawner@test.example>",
});

beforeAll(async () => {
  smtp = await startSmtpCapture(mailDir);
  app = await startAppServer(mailSettings());
});
afterAll(async () => {
  await app?.stop();
  await smtp?.close();
  rmSync(mailDir, { recursive: true, force: true });
});

/** POST /api/auth/magic-link as the login form does, from its own client address (the per-IP limit is shared). */
async function requestLink(email: string, callbackUrl?: string, server = app) {
  ipCounter += 1;
  const response = await fetch(`${server.url}/api/auth/magic-link`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${ipCounter}` },
    body: JSON.stringify({ email, callbackUrl }),
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** The mailed link, pointed at this server (the mail names APP_URL). */
async function mailedLink(email: string, server = app, nth = 1): Promise<URL> {
  const link = new URL(await waitForMagicLink(mailDir, email, nth));
  return new URL(`${link.pathname}${link.search}`, server.url);
}

// The page's text as a person reads it (React separates adjacent text with empty comments).
const page = async (url: URL | string) =>
  (await (await fetch(url, { redirect: "follow" })).text()).replace(/<!-- -->/g, "");

/** The confirmation button: a form POST to the Auth.js callback with the link's token, email and callbackUrl. */
async function confirm(link: URL, server = app) {
  const html = await page(link);
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
  const target = action ?? `/api/auth/callback/nodemailer${link.search}`;
  const response = await fetch(new URL(target, server.url), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const sessionCookie = response.headers
    .getSetCookie()
    .find((cookie) => /^(__Host-)?authjs\.session-token=[^;]+/.test(cookie));
  return { status: response.status, location: response.headers.get("location") ?? "", sessionCookie };
}

const LINK_PROBLEM = "This sign-in link no longer works";

/** A spent or expired link: opening it and pressing the button both end on the clear page, with no session. */
async function expectLinkProblem(link: URL) {
  expect(await page(link)).toContain(LINK_PROBLEM);
  const attempt = await confirm(link);
  expect(attempt.sessionCookie).toBeUndefined();
  expect(attempt.location).toBe(`${app.url}/login/error?error=Verification`);
  expect(await page(new URL(attempt.location, app.url))).toContain(LINK_PROBLEM);
}

describe("magic-link sign-in over HTTP", () => {
  it("survives five cookieless GETs, signs in once, and shows a clear page on reuse", async () => {
    const email = uniqueEmail("once");
    expect((await requestLink(email)).status).toBe(200);
    const link = await mailedLink(email);
    for (let i = 0; i < 5; i++) {
      const response = await fetch(link);
      expect(response.status).toBe(200);
      expect((await response.text()).replace(/<!-- -->/g, "")).toContain(`Sign in as ${email}`);
    }
    const first = await confirm(link);
    expect(first.status).toBe(302);
    expect(first.location).toBe(`${app.url}/dashboard`);
    const cookie = first.sessionCookie ?? "";
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);
    const signedIn = await fetch(`${app.url}/api/user/containers`, {
      headers: { cookie: cookie.split(";")[0] ?? "" },
    });
    expect(signedIn.status).toBe(200);

    await expectLinkProblem(link);
  });

  it("shows the same clear page for an expired link and does not sign in", async () => {
    const email = uniqueEmail("expired");
    expect((await requestLink(email)).status).toBe(200);
    const link = await mailedLink(email);
    const expired = await db.verificationToken.updateMany({
      where: { identifier: email },
      data: { expires: new Date(Date.now() - 1000) },
    });
    expect(expired.count).toBe(1);
    await expectLinkProblem(link);
  });

  it("refuses the fourth request for one address within ten minutes with 429", async () => {
    const email = uniqueEmail("limit");
    for (let i = 0; i < 3; i++) expect((await requestLink(email)).status).toBe(200);
    // Spelled differently, it is still the same address.
    const fourth = await requestLink(` ${email.toUpperCase()} `);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(JSON.parse(fourth.body).error.code).toBe("RATE_LIMITED");
    await waitForMagicLink(mailDir, email, 3);
    expect(mailsTo(mailDir, email)).toHaveLength(3);
  });

  it("answers known and unknown addresses with the same status and body", async () => {
    const known = await userWithSession(db, uniqueEmail("known"));
    const unknown = uniqueEmail("unknown");
    const [a, b] = [await requestLink(known.email), await requestLink(unknown)];
    expect(a.status).toBe(200);
    expect(b.status).toBe(a.status);
    expect(b.body).toBe(a.body);
    expect(b.headers.get("content-type")).toBe(a.headers.get("content-type"));
    expect(await db.user.count({ where: { email: unknown } })).toBe(0);
  });

  it.each(["https://evil.example", "//evil.example", "/\\evil.example"])(
    "keeps callbackUrl %s on this origin",
    async (callbackUrl) => {
      const email = uniqueEmail("callback");
      expect((await requestLink(email, callbackUrl)).status).toBe(200);
      const link = await mailedLink(email);
      expect(link.searchParams.get("callbackUrl")).toBe(`${app.url}/dashboard`);
      // The link itself edited to lead away: the confirmation still lands here.
      link.searchParams.set("callbackUrl", callbackUrl);
      const signedIn = await confirm(link);
      expect(signedIn.sessionCookie).toBeDefined();
      expect(signedIn.location).toBe(`${app.url}/dashboard`);
    },
  );

  it("makes the session cookie a host-only __Host- cookie, Secure, when the app is served over HTTPS", async () => {
    const https = await startAppServer({ ...mailSettings(), APP_URL: "https://spawner.test" });
    try {
      const email = uniqueEmail("https");
      expect((await requestLink(email, undefined, https)).status).toBe(200);
      const signedIn = await confirm(await mailedLink(email, https), https);
      expect(signedIn.location).toBe("https://spawner.test/dashboard");
      // __Host-: the browser refuses it with a Domain attribute or another Path, so it never reaches a workspace host.
      expect(signedIn.sessionCookie).toMatch(/^__Host-authjs\.session-token=/);
      expect(signedIn.sessionCookie).not.toMatch(/; Domain=/i);
      expect(signedIn.sessionCookie).toMatch(/; Path=\/(;|$)/i);
      expect(signedIn.sessionCookie).toMatch(/; Secure/i);
      expect(signedIn.sessionCookie).toMatch(/; HttpOnly/i);
      expect(signedIn.sessionCookie).toMatch(/; SameSite=Lax/i);
    } finally {
      await https.stop();
    }
  });
});
