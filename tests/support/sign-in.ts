// Signs a person in the way a person does: the login form, the mailed link, the confirm button.
import type { BrowserContext, Page } from "playwright-core";
import { waitForMagicLink } from "./mailbox";

export async function requestLink(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
}

export async function signIn(
  context: BrowserContext,
  baseUrl: string,
  mailDir: string,
  email: string,
): Promise<Page> {
  const page = await context.newPage();
  await requestLink(page, baseUrl, email);
  await page.getByRole("heading", { name: "Check your email" }).waitFor();
  const link = await waitForMagicLink(mailDir, email);
  await page.goto(link);
  await page.getByRole("button", { name: `Sign in as ${email}` }).click();
  await page.waitForURL(`${baseUrl}/dashboard`);
  return page;
}
