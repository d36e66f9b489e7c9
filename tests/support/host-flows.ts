// Browser steps of the workspace-host tests: create and open a workspace as a person does, call the API from a
// signed-in page (same origin, the browser's own cookies), and get a handshake code without spending it.
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import type { WorkspaceProxy } from "./workspace-proxy";

/** The dashboard's New workspace dialog with Create & Open: resolves with the tab it points at the workspace. */
export async function createAndOpen(
  page: Page,
  input: { name: string; template: string; repository?: string },
): Promise<Page> {
  await page.getByRole("button", { name: "New workspace" }).click();
  const form = page.getByTestId("new-workspace-dialog");
  await form.getByLabel("Name", { exact: true }).fill(input.name);
  await form.getByLabel("Template").selectOption(input.template);
  if (input.repository) await form.getByLabel("Repository URL").fill(input.repository);
  const [tab] = await Promise.all([
    page.context().waitForEvent("page"),
    form.getByRole("button", { name: "Create & Open" }).click(),
  ]);
  return tab;
}

/** A JSON API call made by the page itself, as the app's own scripts make them. */
export async function pageApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const { status, json } = await page.evaluate(
    async ([method, path, body]) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },
    [method, path, body] as const,
  );
  expect(status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json as T;
}

/**
 * The handshake URL the app sends a signed-in owner to for `host` (GET /api/workspace-auth/start with the
 * browser's own app cookies, through the proxy), not followed: the code in it is still unspent.
 */
export async function catchHandshake(
  context: BrowserContext,
  proxy: WorkspaceProxy,
  baseUrl: string,
  host: string,
  returnPath = "/",
): Promise<URL> {
  const cookie = (await context.cookies(baseUrl)).map(({ name, value }) => `${name}=${value}`).join("; ");
  const start = new URL("/api/workspace-auth/start", baseUrl);
  start.searchParams.set("host", host);
  start.searchParams.set("return", returnPath);
  const answer = await proxy.request(start.toString(), { cookie });
  expect(answer.status, answer.body).toBe(302);
  return new URL(answer.headers.location ?? "");
}
