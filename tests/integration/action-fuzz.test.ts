// Hostile inputs to every server action through Next's real action protocol (Next-Action header, React-encoded
// arguments) against the built server: each answer is a client error, nothing leaks, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { errorStatus } from "@/lib/errors";
import { createToken } from "@/lib/tokens/create-token";
import { type AppServer, startAppServer } from "../support/app-server";
import { badActionArguments, LEAK_PATTERN } from "../support/bad-values";
import { IT } from "../support/prefixes";
import {
  type ActionAnswer,
  actionNamed,
  callAction,
  encodeArgs,
  type ServerAction,
} from "../support/server-actions";
import { docker } from "../support/test-image";
import { actorOf, type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const db = getDb();
let app: AppServer;
let user: TestUser;
let launch: ServerAction;
let change: ServerAction;
let workspaceId = "";
const named = (name: string) => actionNamed(name);

// A valid new token's input: the fuzz spreads bad fields over it.
const TOKEN = { name: "fuzzed", scopes: ["workspaces:read"], expires_in_days: 7 };
// Token inputs that are not valid, each for its own reason (the user is no admin: the admin scope is refused).
const badTokenInputs: unknown[] = [
  { name: "fuzzed" },
  { ...TOKEN, name: "" },
  { ...TOKEN, name: "x".repeat(81) },
  { ...TOKEN, scopes: [] },
  { ...TOKEN, scopes: "workspaces:read" },
  { ...TOKEN, scopes: [["workspaces:read"]] },
  { ...TOKEN, scopes: ["root"] },
  { ...TOKEN, scopes: ["admin"] },
  { ...TOKEN, expires_in_days: 3651 },
  { ...TOKEN, expires_in_days: 366 },
  { ...TOKEN, expires_on: "2030-01-01" },
  { name: "fuzzed", scopes: TOKEN.scopes, expires_on: "2000-01-01" },
  { name: "fuzzed", scopes: TOKEN.scopes, expires_on: "9999-12-31" },
  { name: "fuzzed", scopes: TOKEN.scopes, expires_on: "2027-02-30" },
  { ...TOKEN, extra: 1 },
];

// The engine's and the database's view: every managed container with its state, and the row counts.
const snapshot = async () => ({
  containers: docker(
    "ps",
    "-a",
    "--filter",
    `label=${IT}.managed-by`,
    "--format",
    "{{.ID}} {{.State}} {{.CreatedAt}}",
  ),
  startedAt: docker("ps", "-aq", "--filter", `label=${IT}.owner-id=${user.id}`)
    .split("\n")
    .filter(Boolean)
    .map((id) => docker("inspect", "-f", "{{.State.StartedAt}}", id)),
  rows: await db.workspace.findMany({ orderBy: { id: "asc" } }),
  secrets: await db.workspaceSecret.count(),
  kept: await db.keptVolume.count(),
  volumes: docker("volume", "ls", "-q", "--filter", `label=${IT}.managed-by`),
  users: await db.user.count(),
  sessions: await db.session.count(),
  tokens: await db.apiToken.findMany({ orderBy: { id: "asc" } }),
});

type ActionError = { ok: false; error: { code: keyof typeof errorStatus; message: string } };

/** A 4xx answer whose body is our JSON error `{ error: { code, message } }` with a code of that status. */
function jsonRefusal(status: number, text: string): string | null {
  if (status < 400 || status >= 500) return `HTTP ${status}`;
  let body: { error?: { code?: unknown; message?: unknown } } | null = null;
  try {
    body = JSON.parse(text);
  } catch {
    return `HTTP ${status} without a JSON error`;
  }
  const code = body?.error?.code;
  if (typeof code !== "string" || typeof body?.error?.message !== "string")
    return "no { error: { code, message } }";
  return errorStatus[code as keyof typeof errorStatus] === status ? null : `code ${code} with HTTP ${status}`;
}

/** A clear refusal: the action's own { ok: false } with a 4xx code, or our JSON 4xx before the action ran. */
function problem(answer: ActionAnswer): string | null {
  if (LEAK_PATTERN.test(answer.text)) return "leaks internals";
  const result = answer.result as ActionError | undefined;
  if (answer.status === 200) {
    if (result?.ok !== false || typeof result.error?.message !== "string") return "no { ok: false } result";
    const status = errorStatus[result.error.code];
    return status >= 400 && status < 500 ? null : `code ${result.error.code}`;
  }
  return jsonRefusal(answer.status, answer.text);
}

beforeAll(async () => {
  app = await startAppServer({ ...testSettings, RECONCILER: "off" });
  user = await userWithSession(db, uniqueEmail("action-fuzz"));
  launch = actionNamed("launchSlotAction");
  change = actionNamed("stopWorkspaceAction");
  // A running workspace the fuzz must leave alone.
  const launched = await fetch(`${app.url}/api/container/launch/dev`, {
    method: "POST",
    headers: { cookie: user.cookie },
  });
  expect(launched.status).toBe(200);
  workspaceId = (await db.workspace.findFirstOrThrow({ where: { ownerId: user.id } })).id;
  // An active token the fuzz must neither revoke nor add to.
  await createToken({
    actor: actorOf(user),
    input: { name: "kept", scopes: ["workspaces:read"], expires_in_days: 7 },
  });
});
afterAll(async () => {
  await app?.stop();
});

describe("server action fuzz", () => {
  // Some 4,000 requests, one at a time: about a minute on a busy 2-core machine, so its own timeout.
  it("answers every bad argument with a client error and changes nothing", async () => {
    const before = await snapshot();
    const failures: string[] = [];
    let tried = 0;
    const attempt = async (action: ServerAction, body: string | FormData, label: string) => {
      tried += 1;
      const answer = await callAction(app.url, action, { body, cookie: user.cookie });
      const found = problem(answer);
      if (found)
        failures.push(`${action.name} ${label.slice(0, 100)}: ${found} ${answer.text.slice(0, 160)}`);
    };
    // Missing and surplus arguments too (a valid call with one extra argument would still run, so none here).
    const ws = workspaceId;
    const calls: [ServerAction, unknown[]][] = [
      [launch, []],
      [change, []],
      [named("deleteWorkspaceAction"), [ws]],
      [named("updateWorkspaceAction"), [ws]],
      [named("createWorkspaceAction"), []],
      [named("createTokenAction"), []],
      [named("revokeTokenAction"), []],
    ];
    // Inputs that are objects could be valid settings; these are not, each for its own reason.
    const badInputs: unknown[] = [
      { name: "x" },
      { env: "A=1" },
      { env: [{ key: "USER_ID", value: "x" }] },
      { env: [{ key: "A" }] },
      { limits: { memory_mb: -1 } },
      { limits: { memory_mb: 999_999_999 } },
      { secret_files: [{ path: "/etc/passwd", content: "x" }] },
      { secret_files: [{ path: "~/new-file" }] },
      { git: { url: "javascript:alert(1)" } },
      { git: { url: "https://u:p@example.com/r.git" } },
      { display_name: "x".repeat(100) },
      { apply_now: "yes" },
      { type: "dev" },
    ];
    const notObjects = badActionArguments().filter(
      (value) => typeof value !== "object" || value === null || Array.isArray(value),
    );
    for (const value of badActionArguments()) {
      calls.push(
        [launch, [value]],
        [change, [value]],
        [named("launchWorkspaceAction"), [value]],
        [named("restartWorkspaceAction"), [value]],
        [named("deleteWorkspaceAction"), [value, false]],
        // keep_data as anything but a boolean (true and false are the two valid answers).
        [named("deleteWorkspaceAction"), [ws, typeof value === "boolean" ? String(value) : value]],
        [named("updateWorkspaceAction"), [value, {}]],
        [named("removeKeptVolumeAction"), [value]],
        [named("revokeTokenAction"), [value]],
        // Every value is a wrong number of days (a name could be valid, so names are not fuzzed alone).
        [named("createTokenAction"), [{ ...TOKEN, expires_in_days: value }]],
      );
    }
    for (const value of [...notObjects, ...badTokenInputs]) calls.push([named("createTokenAction"), [value]]);
    for (const value of [...notObjects, ...badInputs]) {
      calls.push([named("updateWorkspaceAction"), [ws, value]]);
      calls.push([named("createWorkspaceAction"), [value]]);
    }
    // Spread over a valid name and template: an input that sets its own name would be valid, so none here.
    for (const input of badInputs.filter((candidate) => !("name" in (candidate as object))))
      calls.push([
        named("createWorkspaceAction"),
        [{ name: "fuzzed", template: "dev", ...(input as object) }],
      ]);
    for (const [action, args] of calls) {
      const encoded = encodeArgs(args);
      await attempt(action, encoded, encoded);
      // The same arguments as a multipart reply (how React sends replies that carry FormData).
      const form = new FormData();
      form.set("0", encoded);
      await attempt(action, form, `multipart ${encoded}`);
    }
    // Replies React's decoder would choke on or follow: broken JSON, references, prototype paths, huge bodies.
    const raw = ["", "{", "[", "null", '"dev"', '{"0":"dev"}', '["$1"]', '["$@0"]', '["$Q1"]', '["$K1"]'];
    raw.push('["$D2020-01-01"]', '["$n1"]', '["$T"]', '["$R1"]', '["$1:__proto__:then"]');
    raw.push('[{"then":"$1:__proto__:then","status":"resolved_model"}]', "[".repeat(100_000));
    raw.push(encodeArgs(["a".repeat(1_100_000)]), "\u0000", '["dev","stop"]\u0000');
    for (const body of raw) for (const action of [launch, change]) await attempt(action, body, body);
    // Action ids that do not exist or are not ids at all: refused by proxy.ts before Next's own text answers.
    for (const id of ["", "zz", "../dev", "7f".padEnd(42, "0"), `${change.id}x`, "a".repeat(5000)]) {
      await attempt({ ...change, id }, encodeArgs([workspaceId]), `id ${id}`);
    }
    // No-JavaScript form posts (no Next-Action header): unknown ids, bound-argument replies, stray fields.
    const bound = (id: string, ...rows: string[]): [string, string][] => [
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", JSON.stringify({ id, bound: "$@1" })],
      ...rows.map((row, index): [string, string] => [`$ACTION_1:${index + 1}`, row]),
    ];
    const forms: [string, string][][] = [
      [["$ACTION_ID_zz", ""]],
      [[`$ACTION_ID_${"7f".padEnd(42, "0")}`, ""]],
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", "{"],
      ],
      bound(launch.id),
      bound(launch.id, '["staging"]'),
      bound(change.id, '["$1:__proto__:then"]'),
      [["email", "a@b.c"]],
    ];
    for (const fields of forms) {
      tried += 1;
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      const response = await fetch(`${app.url}/dashboard`, {
        method: "POST",
        headers: { cookie: user.cookie },
        body: form,
        redirect: "manual",
      });
      const text = await response.text();
      const found = LEAK_PATTERN.test(text) ? "leaks internals" : jsonRefusal(response.status, text);
      if (found)
        failures.push(`form ${JSON.stringify(fields).slice(0, 100)}: ${found} ${text.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
    // The README's "Security checks" states this number.
    expect(tried).toBeGreaterThanOrEqual(3000);
    expect(await snapshot()).toEqual(before);
    console.info(`[action-fuzz] ${tried} bad action requests`);
  }, 150_000);
});

describe("cross-origin server actions", () => {
  it("refuses foreign and opaque origins before the action runs", async () => {
    const before = await snapshot();
    const calls: [ServerAction, string][] = [
      [named("deleteWorkspaceAction"), encodeArgs([workspaceId, false])],
      [change, encodeArgs([workspaceId])],
      [launch, encodeArgs(["dev"])],
      [named("createWorkspaceAction"), encodeArgs([{ name: "cross", template: "dev" }])],
      [actionNamed("signOutAction"), encodeArgs([])],
    ];
    for (const [action, body] of calls) {
      for (const origin of ["https://evil.example", "null", "http://127.0.0.1.evil.example", "`x`"]) {
        const answer = await callAction(app.url, action, { body, cookie: user.cookie, origin });
        expect(answer.status, `${action.name} from ${origin}`).toBe(403);
        expect(JSON.parse(answer.text).error.code).toBe("CROSS_ORIGIN");
      }
    }
    // A no-JavaScript form post of the sign-out action from another site.
    const form = new FormData();
    form.set(`$ACTION_ID_${actionNamed("signOutAction").id}`, "");
    const mpa = await fetch(`${app.url}/dashboard`, {
      method: "POST",
      headers: { cookie: user.cookie, origin: "https://evil.example" },
      body: form,
      redirect: "manual",
    });
    expect(mpa.status).toBe(403);
    expect(await snapshot()).toEqual(before);

    // The control: the same request from this origin does run (a launch of the running container is a no-op).
    const same = await callAction(app.url, launch, {
      body: encodeArgs(["dev"]),
      cookie: user.cookie,
      origin: app.url,
    });
    expect(same.result).toMatchObject({ ok: true, data: { status: "running" } });
    // And the no-JavaScript sign-out form from this origin still signs out (last: it ends the session).
    const signOut = await fetch(`${app.url}/dashboard`, {
      method: "POST",
      headers: { cookie: user.cookie, origin: app.url },
      body: form,
      redirect: "manual",
    });
    expect(signOut.status).toBe(303);
    expect(signOut.headers.get("location")).toContain("/login");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
