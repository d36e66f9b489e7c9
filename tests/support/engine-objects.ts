// Small engine objects of the engine-page tests' own: FROM-scratch images of random content (so a pull really
// fetches its layers), all carrying a label of the run, and the admin API called as a signed-in admin.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expectAnswerConforms } from "./conforms";
import { openSse, type SseEvent } from "./sse";

/**
 * Builds an image of two random layers with `labels`; tagged when `tag` is given, dangling otherwise. Its id.
 */
export function buildTinyImage(labels: Record<string, string>, tag?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "spawner-tiny-"));
  try {
    writeFileSync(path.join(dir, "a"), randomBytes(64 * 1024));
    writeFileSync(path.join(dir, "b"), randomBytes(32 * 1024));
    writeFileSync(
      path.join(dir, "Dockerfile"),
      [
        "FROM scratch",
        "COPY a /a",
        "COPY b /b",
        ...Object.entries(labels).map(([k, v]) => `LABEL ${k}="${v}"`),
        "",
      ].join("\n"),
    );
    const args = ["build", "-q", ...(tag ? ["-t", tag] : []), dir];
    return execFileSync("docker", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type AdminApi = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field and checked with toMatchObject.
  body: any;
}>;

/** Every answer is checked against the API document (tests/support/conforms.ts). */
export function adminApi(url: string, cookie: string): AdminApi {
  return async (method, apiPath, body) => {
    const response = await fetch(`${url}${apiPath}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    expectAnswerConforms(
      { method, url: apiPath },
      { status: response.status, contentType: response.headers.get("content-type"), text },
    );
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}

/** POSTs and reads the whole event stream (the pull ends it). */
export async function postSse(
  url: string,
  cookie: string,
  body: unknown,
): Promise<{ status: number; events: SseEvent[]; type: string }> {
  const stream = await openSse(url, cookie, { method: "POST", body });
  await stream.ended;
  return { status: stream.status, events: stream.events, type: stream.contentType };
}

export function imageExists(reference: string): boolean {
  try {
    execFileSync("docker", ["image", "inspect", reference], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function removeImages(...references: string[]): void {
  for (const reference of references)
    try {
      execFileSync("docker", ["rmi", "-f", reference], { stdio: "ignore" });
    } catch {
      // Already gone.
    }
}
