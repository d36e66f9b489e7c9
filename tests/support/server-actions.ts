// Calls server actions the way the browser's Next.js router does: POST to a page with a Next-Action header and a
// React-encoded argument list, and reads the action's result out of the Flight (RSC) answer.
import { readFileSync } from "node:fs";
import path from "node:path";

// The manifest the standalone server loads: action id -> source file and exported name.
const MANIFEST = path.resolve(".next/standalone/.next/server/server-reference-manifest.json");

export type ServerAction = { id: string; file: string; name: string };

export function serverActions(): ServerAction[] {
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    file: entry.filename,
    name: entry.exportedName,
  }));
}

export function actionNamed(name: string): ServerAction {
  const action = serverActions().find((candidate) => candidate.name === name);
  if (!action) throw new Error(`no server action named ${name} in the build`);
  return action;
}

/** React's encodeReply for JSON-like arguments: strings starting with "$" are escaped, odd numbers spelled out. */
export function encodeArgs(args: unknown[]): string {
  return JSON.stringify(args, function (this: unknown, key: string, value: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    if (typeof raw === "string" && raw.startsWith("$")) return `$${raw}`;
    if (raw === undefined && key !== "") return "$undefined";
    if (typeof raw === "number" && !Number.isFinite(raw)) return Number.isNaN(raw) ? "$NaN" : `$${raw}`;
    return value;
  });
}

export type ActionAnswer = {
  status: number;
  text: string;
  /** The action's return value when the answer carries one (Flight row the root's "a" points to). */
  result: unknown;
};

export async function callAction(
  baseUrl: string,
  action: ServerAction,
  options: { body: string | FormData; cookie?: string; origin?: string; page?: string },
): Promise<ActionAnswer> {
  const headers: Record<string, string> = { "next-action": action.id, accept: "text/x-component" };
  if (typeof options.body === "string") headers["content-type"] = "text/plain;charset=UTF-8";
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin !== undefined) headers.origin = options.origin;
  const response = await fetch(`${baseUrl}${options.page ?? "/dashboard"}`, {
    method: "POST",
    headers,
    body: options.body,
    redirect: "manual",
  });
  const text = await response.text();
  return { status: response.status, text, result: flightResult(text) };
}

/** Rows look like `0:{"a":"$@1",...}` then `1:{...}`; returns the parsed value "a" refers to, if any. */
function flightResult(text: string): unknown {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) rows.set(match[1], match[2]);
  }
  try {
    const root = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    const ref = typeof root?.a === "string" && root.a.startsWith("$@") ? root.a.slice(2) : null;
    return ref === null ? root?.a : JSON.parse(rows.get(ref) ?? "null");
  } catch {
    return undefined;
  }
}
