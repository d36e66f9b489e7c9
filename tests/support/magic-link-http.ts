// Magic-link sign-in over plain HTTP, as the login form and the confirmation page's button do it.
import { waitForMagicLink } from "./mailbox";

let ipCounter = 0;

/** POST /api/auth/magic-link as the login form does, from its own client address (the per-IP limit is shared). */
export async function requestLink(baseUrl: string, email: string, callbackUrl?: string) {
  ipCounter += 1;
  const response = await fetch(`${baseUrl}/api/auth/magic-link`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": `203.0.113.${ipCounter % 250}`,
    },
    body: JSON.stringify({ email, callbackUrl }),
  });
  return { status: response.status, body: await response.text() };
}

/** The n-th mailed link, pointed at this server (the mail names APP_URL). */
export async function mailedLink(baseUrl: string, mailDir: string, email: string, nth = 1): Promise<URL> {
  const link = new URL(await waitForMagicLink(mailDir, email, nth));
  return new URL(`${link.pathname}${link.search}`, baseUrl);
}

/** The page's text as a person reads it (React separates adjacent text with empty comments). */
export async function pageText(url: URL | string): Promise<string> {
  return (await (await fetch(url, { redirect: "follow" })).text()).replace(/<!-- -->/g, "");
}

/** Presses the confirmation page's button: a form POST to the Auth.js callback with the link's token. */
export async function confirmLink(baseUrl: string, link: URL) {
  const html = await pageText(link);
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
  const target = action ?? `/api/auth/callback/nodemailer${link.search}`;
  const response = await fetch(new URL(target, baseUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const sessionCookie = response.headers
    .getSetCookie()
    .find((cookie) => /^(__Secure-)?authjs\.session-token=[^;]+/.test(cookie));
  return { status: response.status, location: response.headers.get("location") ?? "", sessionCookie };
}
