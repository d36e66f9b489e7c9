// Helpers for the browser tests of workspaces: the API's view of them, the engine's, and what a page showed.
import { execFileSync } from "node:child_process";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { docker } from "./test-image";

/** The parts of GET /api/workspaces entries the tests read. */
export type WorkspaceJson = {
  id: string;
  name: string;
  status: string;
  container_id: string | null;
  settings: {
    git: { url: string; branch: string | null; has_token: boolean; cloned_at: string | null } | null;
    env: { key: string; value: string }[];
    secret_files: { path: string; size: number }[];
    limits: { memory_mb: number; cpus: number; pids: number };
  };
  data: { path: string; volume: string };
};

export async function listWorkspaces(context: BrowserContext, baseUrl: string): Promise<WorkspaceJson[]> {
  const response = await context.request.get(`${baseUrl}/api/workspaces`);
  expect(response.status()).toBe(200);
  return (await response.json()).workspaces;
}

/** The slug in the dashboard's "Signed in as … (slug)." line. */
export async function slugOf(page: Page): Promise<string> {
  return /\(([^)]+)\)\.$/.exec((await page.getByTestId("welcome").textContent()) ?? "")?.[1] ?? "";
}

export const statusOf = (scope: Locator | Page) => scope.getByTestId("status").getAttribute("data-status");

/** Runs a shell line in a workspace's container (as its user) and answers its output. */
export const dockerExec = (container: string, script: string) =>
  docker("exec", container, "sh", "-c", script);

export function volumeExists(name: string): boolean {
  try {
    execFileSync("docker", ["volume", "inspect", name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Every launch step the page ever showed, as "state:label": steps can pass faster than a poll. */
export async function recordLaunchSteps(target: Page): Promise<() => Promise<string[]>> {
  await target.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { launchSteps: Set<string> }).launchSteps = seen;
    new MutationObserver(() => {
      for (const step of document.querySelectorAll('[data-testid="launch-step"]')) {
        seen.add(`${step.getAttribute("data-state")}:${step.textContent?.replace(/\s*\(.*\)$/, "")}`);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  return () => target.evaluate(() => [...(window as unknown as { launchSteps: Set<string> }).launchSteps]);
}
