// The API reference page in Chromium: public, it lists the operations of the OpenAPI document the app serves, under
// the app's own CSP (no violation, no page error), fetching nothing from another origin.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { browserForFile } from "../support/browser";
import { expectConforms } from "../support/conforms";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

let page: Page;
/** CSP violations, page errors and requests to other origins, as they happen. */
const problems: string[] = [];

beforeAll(async () => {
  page = await browser().newPage();
  // Injected over the DevTools protocol, so the page's CSP does not stop it.
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  page.on("console", (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    if (!request.url().startsWith(baseUrl) && !request.url().startsWith("data:"))
      problems.push(`request to another origin: ${request.url()}`);
  });
});

describe("the API reference", () => {
  it("serves the OpenAPI document to anyone, as documented", async () => {
    const response = await fetch(`${baseUrl}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = await response.json();
    expectConforms("getOpenApiDocument", 200, document);
    expect(document.servers).toEqual([{ url: baseUrl }]);
    expect(Object.keys(document.paths)).toContain("/api/v1/admin/users");
  });

  it("lists the operations at /docs/api, signed out, with no CSP violation", async () => {
    await page.goto(`${baseUrl}/docs/api`);
    const users = page.locator(".opblock-summary-path", { hasText: /^\/api\/v1\/admin\/users$/ });
    await users.first().waitFor({ timeout: 30_000 });
    expect(await page.locator(".opblock").count()).toBeGreaterThanOrEqual(19);
    await expect.poll(() => page.locator(".opblock-tag").allTextContents()).toContain("admin: users");

    // An operation opens on its access, parameters and answers.
    const opened = page.locator(".opblock", {
      has: page.locator(".opblock-summary-operation-id", { hasText: /^adminListUsers$/ }),
    });
    await opened.locator(".opblock-summary").click();
    await opened.getByText("admins only", { exact: false }).waitFor();
    expect(await opened.locator(".parameters").textContent()).toContain("page");
    expect(await opened.locator(".responses-table").textContent()).toContain("RATE_LIMITED");
    expect(problems).toEqual([]);
  });
});
