import { describe, expect, inject, it } from "vitest";
import { browserForFile } from "../support/browser";
import { mailsTo, waitForMagicLink } from "../support/mailbox";
import { requestLink } from "../support/sign-in";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const browser = browserForFile();

describe("sign-in by magic link", () => {
  it("sends people without a session from /dashboard to /login", async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl}/dashboard`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.close();
  });

  it("shows field errors for a bad address without sending mail", async () => {
    const page = await browser().newPage();
    await requestLink(page, baseUrl, "not-an-email");
    await expect.poll(() => page.getByText("Enter a valid email address").isVisible()).toBe(true);
    expect(mailsTo(mailDir, "not-an-email")).toHaveLength(0);
    await page.close();
  });

  it("mails a link that shows a confirmation page, signs in on confirm, and works only once", async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await requestLink(page, baseUrl, "Ada@Example.com");
    await page.getByRole("heading", { name: "Check your email" }).waitFor();

    const link = await waitForMagicLink(mailDir, "ada@example.com");
    expect(new URL(link).pathname).toBe("/login/confirm");

    // A mail scanner opening the link (no cookies, GET only) must not spend it.
    for (let i = 0; i < 5; i++) expect((await fetch(link)).status).toBe(200);

    await page.goto(link);
    await page.getByRole("heading", { name: "Sign in as ada@example.com" }).waitFor();
    await page.getByRole("button", { name: "Sign in as ada@example.com" }).click();
    await page.waitForURL(`${baseUrl}/dashboard`);
    await expect
      .poll(() => page.getByTestId("welcome").textContent())
      .toContain("Signed in as ada@example.com (ada)");

    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name.endsWith("authjs.session-token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    // The same link a second time: a clear page, no session.
    const other = await browser().newContext();
    const second = await other.newPage();
    await second.goto(link);
    await second.getByRole("heading", { name: "This sign-in link no longer works" }).waitFor();
    await other.close();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${baseUrl}/login`);
    await page.goto(`${baseUrl}/dashboard`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  it("refuses a fourth link for one address within ten minutes with a clear message", async () => {
    const page = await browser().newPage();
    for (let i = 1; i <= 3; i++) {
      await requestLink(page, baseUrl, "limit@example.com");
      await page.getByRole("heading", { name: "Check your email" }).waitFor();
      await waitForMagicLink(mailDir, "limit@example.com", i);
    }
    await requestLink(page, baseUrl, "limit@example.com");
    await expect
      .poll(() => page.getByTestId("form-error").textContent())
      .toContain("Too many sign-in links were requested for this address");
    expect(mailsTo(mailDir, "limit@example.com")).toHaveLength(3);
    await page.close();
  });

  // A click before the page hydrated (a slow machine) is a native post of the form: it must sign in all the same.
  it("works without JavaScript: a link is mailed, a bad address is told why, and the link signs in", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await requestLink(page, baseUrl, "not-an-email");
    await expect.poll(() => page.getByTestId("form-error").textContent()).toContain("Enter a valid email");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(page.url()).not.toContain("not-an-email");
    expect(mailsTo(mailDir, "not-an-email")).toHaveLength(0);

    await requestLink(page, baseUrl, "nojs@example.com");
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    await page.goto(await waitForMagicLink(mailDir, "nojs@example.com"));
    await page.getByRole("button", { name: "Sign in as nojs@example.com" }).click();
    await page.waitForURL(`${baseUrl}/dashboard`);
    await context.close();
  });
});
