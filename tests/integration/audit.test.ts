// The audit log against the built server, the real engine and the real SQLite file: each workspace verb writes one
// row naming who (and how, from which address), what, whose and how it ended; secrets never reach a row; refused
// attempts, sign-ins and rate-limited link requests are recorded; the admin API filters, pages and exports CSV
// (formula cells neutralized); retention prunes old rows; the workspace page shows its history to its owner only.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AuditEvent } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneAudit } from "@/lib/audit/prune-audit";
import { getDb } from "@/lib/db";
import { Reconciler } from "@/lib/reconciler/reconciler";
import { type AppServer, startAppServer } from "../support/app-server";
import { expectAnswerConforms } from "../support/conforms";
import { waitForMagicLink } from "../support/mailbox";
import { IT } from "../support/prefixes";
import { actionNamed } from "../support/server-actions";
import { startSmtpCapture } from "../support/smtp-capture";
import { docker } from "../support/test-image";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const db = getDb();
const mailDir = mkdtempSync(path.join(tmpdir(), "spawner-audit-mail-"));
const run = Date.now().toString(36);
// The client's address as the one trusted proxy (TRUSTED_PROXY_HOPS=1) reports it, after what the client claimed.
const CLIENT_IP = "203.0.113.7";
const FORWARDED = `198.51.100.66, ${CLIENT_IP}`;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let app: AppServer;
let ada: TestUser;
let eve: TestUser;
let boss: TestUser;

const settings = () => ({
  ...testSettings,
  RECONCILER: "off",
  TRUSTED_PROXY_HOPS: "1",
  EMAIL_SERVER: `smtp://127.0.0.1:${smtp.port}`,
  EMAIL_FROM: "Spawner <spawner@test.example>",
});

beforeAll(async () => {
  smtp = await startSmtpCapture(mailDir);
  app = await startAppServer(settings());
  ada = await userWithSession(db, uniqueEmail("audit-ada"));
  eve = await userWithSession(db, uniqueEmail("audit-eve"));
  boss = await userWithSession(db, uniqueEmail("audit-boss"), "ADMIN");
});
afterAll(async () => {
  await app?.stop();
  await smtp?.close();
  rmSync(mailDir, { recursive: true, force: true });
});

async function call(method: string, url: string, who?: TestUser, body?: unknown, forwarded = FORWARDED) {
  const response = await fetch(`${app.url}${url}`, {
    method,
    headers: {
      "x-forwarded-for": forwarded,
      ...(who ? { cookie: who.cookie } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: "manual",
  });
  const text = await response.text();
  // Every answer of the documented API is what its schema allows.
  expectAnswerConforms(
    { method, url },
    { status: response.status, contentType: response.headers.get("content-type"), text },
  );
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: response.status, text, json, headers: response.headers };
}

/** The rows about one target, oldest first. */
const rowsAbout = (targetId: string) =>
  db.auditEvent.findMany({ where: { targetId }, orderBy: { id: "asc" } });
const details = (row: AuditEvent) => JSON.parse(row.details) as Record<string, unknown>;

describe("workspace verbs", () => {
  it("each writes one row with actor, via, address, target, owner, outcome and details", async () => {
    const created = await call("POST", "/api/workspaces", ada, { name: "audited", template: "dev" });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    expect((await call("POST", `/api/workspaces/${id}/start`, ada)).status).toBe(200);
    expect((await call("POST", `/api/workspaces/${id}/restart`, ada)).status).toBe(200);
    expect((await call("POST", `/api/workspaces/${id}/stop`, ada)).status).toBe(200);
    // Stopping what is stopped is done already: recorded, with nothing to stop.
    expect((await call("POST", `/api/workspaces/${id}/stop`, ada)).status).toBe(200);
    expect((await call("PATCH", `/api/workspaces/${id}`, ada, { display_name: "Audited" })).status).toBe(200);
    const container = String((await db.workspace.findUniqueOrThrow({ where: { id } })).runtimeId);
    expect((await call("DELETE", `/api/workspaces/${id}?keep_data=false`, ada)).status).toBe(200);
    expect(docker("ps", "-aq", "--filter", `id=${container}`)).toBe("");

    const rows = await rowsAbout(id);
    expect(rows.map((row) => row.action)).toEqual([
      "workspace.create",
      "workspace.start",
      "workspace.restart",
      "workspace.stop",
      "workspace.stop",
      "workspace.update",
      "workspace.delete",
    ]);
    for (const row of rows)
      expect(row).toMatchObject({
        actorId: ada.id,
        actorEmail: ada.email,
        via: "session",
        ip: CLIENT_IP,
        targetType: "workspace",
        targetId: id,
        targetName: "audited",
        ownerId: ada.id,
        ownerEmail: ada.email,
        outcome: "ok",
      });
    expect(rows.map(details)).toEqual([
      { template: "dev", fields: [], kept_volume: null },
      {},
      {},
      { was_running: true },
      { was_running: false },
      { fields: ["display_name"], takes: "none", applied: false },
      { keep_data: false, kept_volume: null },
    ]);
  });

  it("records the slot's first launch as its creation and its launch, and a kept volume's removal", async () => {
    const launched = await call("POST", "/api/container/launch/dev", ada);
    expect(launched.status).toBe(200);
    const slot = await db.workspace.findFirstOrThrow({ where: { ownerId: ada.id, name: "dev" } });
    expect((await call("POST", "/api/container/launch/dev", ada)).status).toBe(200);
    const slotRows = await rowsAbout(slot.id);
    expect(slotRows.map((row) => [row.action, row.outcome, row.ip])).toEqual([
      ["workspace.create", "ok", CLIENT_IP],
      ["workspace.launch", "ok", CLIENT_IP],
      ["workspace.launch", "ok", CLIENT_IP],
    ]);
    expect(details(slotRows[0] as AuditEvent)).toEqual({ template: "dev", slot: true });

    expect((await call("DELETE", `/api/workspaces/${slot.id}?keep_data=true`, ada)).status).toBe(200);
    const kept = await db.keptVolume.findFirstOrThrow({ where: { volumeName: slot.volumeName } });
    expect(details((await rowsAbout(slot.id)).at(-1) as AuditEvent)).toEqual({
      keep_data: true,
      kept_volume: slot.volumeName,
    });
    expect((await call("DELETE", `/api/volumes/${kept.id}`, ada)).status).toBe(200);
    expect(await rowsAbout(kept.id)).toMatchObject([
      {
        action: "volume.remove",
        actorId: ada.id,
        targetType: "volume",
        targetName: slot.volumeName,
        ownerId: ada.id,
        outcome: "ok",
        ip: CLIENT_IP,
      },
    ]);
  });

  it("records a failed launch with its error code (the prod image is missing) and leaves no creation behind", async () => {
    const before = new Date();
    expect((await call("POST", "/api/container/launch/prod", ada)).status).toBe(500);
    const rows = await db.auditEvent.findMany({ where: { actorId: ada.id, at: { gte: before } } });
    expect(rows).toMatchObject([
      { action: "workspace.launch", targetName: "prod", targetId: "", outcome: "TEMPLATE_IMAGE_NOT_FOUND" },
    ]);
  });

  it("names the fields of a settings change, variable names and file paths, never a value, file or token", async () => {
    const value = `env-value-${run}-never-logged`;
    const content = `file-content-${run}-never-logged`;
    const token = `ghp_${run}neverlogged`;
    const created = await call("POST", "/api/workspaces", ada, {
      name: "secretive",
      template: "dev",
      env: [{ key: "FIRST", value }],
      secret_files: [{ path: "~/.first", content }],
    });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    const changed = await call("PATCH", `/api/workspaces/${id}`, ada, {
      env: [
        { key: "FIRST", value: `${value}-2` },
        { key: "API_KEY", value },
      ],
      secret_files: [{ path: "~/.netrc", content }],
      git: { url: "https://git.example.com/team/repo.git", token },
      limits: { memory_mb: 48 },
    });
    expect(changed.status).toBe(200);
    const rows = await rowsAbout(id);
    expect(rows.map(details)).toEqual([
      {
        template: "dev",
        fields: ["env", "secret_files"],
        env_keys: { added: ["FIRST"], changed: [], removed: [] },
        secret_files: { written: ["~/.first"], removed: [] },
        kept_volume: null,
      },
      {
        fields: ["git", "git.token", "env", "secret_files", "limits"],
        env_keys: { added: ["API_KEY"], changed: ["FIRST"], removed: [] },
        secret_files: { written: ["~/.netrc"], removed: ["~/.first"] },
        limits: { memory_mb: 48 },
        takes: "none",
        applied: false,
      },
    ]);
    const raw = JSON.stringify(rows);
    for (const secret of [value, content, token]) expect(raw).not.toContain(secret);
    // Nor anywhere else in the log, by any route.
    expect(await db.auditEvent.count({ where: { details: { contains: run } } })).toBe(0);
  });

  it("records another user's refused attempt with WORKSPACE_NOT_FOUND and the id they asked for", async () => {
    const created = await call("POST", "/api/workspaces", ada, { name: "private", template: "dev" });
    const id = String(created.json.id);
    expect((await call("POST", `/api/workspaces/${id}/stop`, eve)).status).toBe(404);
    expect((await call("DELETE", `/api/workspaces/${id}?keep_data=false`, eve)).status).toBe(404);
    const refused = (await rowsAbout(id)).filter((row) => row.actorId === eve.id);
    expect(refused).toMatchObject([
      {
        action: "workspace.stop",
        outcome: "WORKSPACE_NOT_FOUND",
        ownerId: null,
        ownerEmail: "",
        targetName: "",
      },
      {
        action: "workspace.delete",
        outcome: "WORKSPACE_NOT_FOUND",
        ownerId: null,
        ownerEmail: "",
        targetName: "",
      },
    ]);
    // Nothing of the owner's leaks into the refused rows.
    expect(JSON.stringify(refused)).not.toContain(ada.email);
    // An id that can't exist is recorded cut short.
    const junk = `x${"y".repeat(300)}`;
    expect((await call("POST", `/api/workspaces/${junk}/stop`, eve)).status).toBe(404);
    expect(await rowsAbout(junk.slice(0, 64))).toMatchObject([
      { action: "workspace.stop", actorId: eve.id, outcome: "WORKSPACE_NOT_FOUND" },
    ]);
  });

  it("records an admin acting on another user's workspace: the admin acts, the owner stays", async () => {
    const created = await call("POST", "/api/workspaces", ada, { name: "managed", template: "dev" });
    const id = String(created.json.id);
    expect((await call("POST", `/api/workspaces/${id}/stop`, boss)).status).toBe(200);
    expect((await rowsAbout(id)).at(-1)).toMatchObject({
      action: "workspace.stop",
      actorId: boss.id,
      actorEmail: boss.email,
      ownerId: ada.id,
      ownerEmail: ada.email,
      outcome: "ok",
    });
  });
});

describe("the system", () => {
  it("records the reconciler's removal of an orphan workload as the system's", async () => {
    const orphan = docker(
      "run",
      "-d",
      "--label",
      `${IT}.managed-by=spawner`,
      "--label",
      `${IT}.workspace-id=wgone${run}`,
      "--label",
      `${IT}.owner-id=nobody`,
      testSettings.USER_TEMPLATE_IMAGE_DEV,
    );
    try {
      // No grace: the first full diff removes it.
      const reconciler = new Reconciler({ intervalMs: 60_000, graceMs: 0, log: () => {} });
      expect((await reconciler.runOnce()).remove).toContain(orphan);
      expect(docker("ps", "-aq", "--no-trunc", "--filter", `id=${orphan}`)).toBe("");
      expect(await rowsAbout(orphan)).toMatchObject([
        { action: "workload.remove", via: "system", actorId: null, targetType: "workload", outcome: "ok" },
      ]);
    } finally {
      if (docker("ps", "-aq", "--no-trunc", "--filter", `id=${orphan}`)) docker("rm", "-f", orphan);
    }
  });
});

describe("sign-in and sign-out", () => {
  /** The confirmation button: the Auth.js callback with the mailed link's query, from the client's address. */
  async function confirm(email: string) {
    const link = new URL(await waitForMagicLink(mailDir, email));
    const response = await fetch(`${app.url}/api/auth/callback/nodemailer${link.search}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": FORWARDED },
      redirect: "manual",
    });
    const cookie = response.headers.getSetCookie().find((line) => /^authjs\.session-token=/.test(line)) ?? "";
    return cookie.split(";")[0] ?? "";
  }

  it("records auth.sign-in for a magic link and auth.sign-out when the session ends", async () => {
    const email = uniqueEmail("audit-signin");
    expect((await call("POST", "/api/auth/magic-link", undefined, { email }, "192.0.2.10")).status).toBe(200);
    const cookie = await confirm(email);
    expect(cookie).not.toBe("");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await rowsAbout(user.id)).toMatchObject([
      {
        action: "auth.sign-in",
        actorId: user.id,
        actorEmail: email,
        via: "session",
        ip: CLIENT_IP,
        targetType: "user",
        targetName: email,
        outcome: "ok",
        details: JSON.stringify({ new_user: true }),
      },
    ]);
    // The header's sign-out form, posted without JavaScript from this origin.
    const form = new FormData();
    form.set(`$ACTION_ID_${actionNamed("signOutAction").id}`, "");
    const signOut = await fetch(`${app.url}/dashboard`, {
      method: "POST",
      headers: { cookie, origin: app.url, "x-forwarded-for": FORWARDED },
      body: form,
      redirect: "manual",
    });
    expect(signOut.status).toBe(303);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await rowsAbout(user.id)).map((row) => [row.action, row.actorId, row.ip, row.outcome])).toEqual([
      ["auth.sign-in", user.id, CLIENT_IP, "ok"],
      ["auth.sign-out", user.id, CLIENT_IP, "ok"],
    ]);
  });

  it("records the fourth magic-link request for an address as refused (RATE_LIMITED), anonymous, with its address", async () => {
    const email = uniqueEmail("audit-limit");
    for (let i = 0; i < 3; i++)
      expect(
        (await call("POST", "/api/auth/magic-link", undefined, { email }, `192.0.2.${20 + i}`)).status,
      ).toBe(200);
    const fourth = await call("POST", "/api/auth/magic-link", undefined, {
      email: ` ${email.toUpperCase()} `,
    });
    expect(fourth.status).toBe(429);
    const rows = await db.auditEvent.findMany({ where: { action: "auth.magic-link", actorEmail: email } });
    expect(rows).toMatchObject([
      {
        actorId: null,
        via: "anonymous",
        ip: CLIENT_IP,
        targetType: "user",
        targetName: email,
        outcome: "RATE_LIMITED",
      },
    ]);
  });
});

describe("GET /api/v1/admin/audit and its CSV export", () => {
  const prefix = `seeded-${run}`;
  // Noon yesterday (UTC): recent enough for any retention, on a day of its own.
  const today = new Date();
  const base = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 1, 12, 0, 0);
  const day = (offsetDays: number) => new Date(base + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const minute = (offset: number) => new Date(base + offset * 60_000).toISOString().slice(0, 16);
  const seeded = [
    {
      action: `${prefix}.alpha`,
      at: base,
      actorEmail: "alice@example.com",
      ownerEmail: "olga@example.com",
      targetName: "first",
    },
    {
      action: `${prefix}.beta`,
      at: base + 60_000,
      actorEmail: "bob@example.com",
      ownerEmail: "olga@example.com",
      targetName: "second",
    },
    {
      action: `${prefix}.alpha`,
      at: base + 120_000,
      actorEmail: "alice@example.com",
      ownerEmail: "pete@example.com",
      targetName: "third",
    },
    // What a spreadsheet would run, and what breaks naive CSV.
    {
      action: `${prefix}.gamma`,
      at: base + 180_000,
      actorEmail: "@SUM(1+1)",
      ownerEmail: "pete@example.com",
      targetName: '=HYPERLINK("http://evil.example","x")',
    },
    {
      action: `${prefix}.gamma`,
      at: base + 240_000,
      actorEmail: "carol@example.com",
      ownerEmail: "",
      targetName: 'a, "quoted"\nname',
    },
  ];

  beforeAll(async () => {
    for (const [index, row] of seeded.entries())
      await db.auditEvent.create({
        data: {
          at: new Date(row.at),
          actorId: `actor-${run}-${index}`,
          actorEmail: row.actorEmail,
          via: "session",
          ip: "192.0.2.1",
          action: row.action,
          targetType: "workspace",
          targetId: `target-${run}-${index}`,
          targetName: row.targetName,
          ownerId: row.ownerEmail ? `owner-${run}-${row.ownerEmail}` : null,
          ownerEmail: row.ownerEmail,
          outcome: index === 1 ? "CONFLICT" : "ok",
          details: JSON.stringify({ index, note: "-2+3" }),
        },
      });
  });

  const list = async (query: string) => {
    const answer = await call("GET", `/api/v1/admin/audit?${query}`, boss);
    expect(answer.status, answer.text).toBe(200);
    return answer.json as {
      events: { action: string; target: { name: string }; at: string }[];
      total: number;
      page: number;
      page_size: number;
    };
  };
  const names = (body: Awaited<ReturnType<typeof list>>) => body.events.map((event) => event.target.name);

  it("filters on the server by action (exact or prefix), actor, owner, target and time, newest first", async () => {
    const all = await list(`action=${prefix}.`);
    expect(all.total).toBe(5);
    expect(names(all)).toEqual([...seeded].reverse().map((row) => row.targetName));
    expect(names(await list(`action=${prefix}.*`))).toEqual(names(all));
    expect(names(await list(`action=${prefix}.alpha`))).toEqual(["third", "first"]);
    expect((await list(`action=${prefix}`)).total).toBe(0);
    expect(names(await list(`action=${prefix}.&actor=ALICE@example`))).toEqual(["third", "first"]);
    expect(names(await list(`actor=actor-${run}-1`))).toEqual(["second"]);
    expect(names(await list(`action=${prefix}.&owner=olga`))).toEqual(["second", "first"]);
    expect(names(await list(`owner=owner-${run}-pete@example.com`))).toHaveLength(2);
    expect(names(await list(`target=target-${run}-2`))).toEqual(["third"]);
    expect(names(await list(`action=${prefix}.&target=eco`))).toEqual(["second"]);
    expect(names(await list(`action=${prefix}.&from=${minute(1)}&to=${minute(3)}`))).toEqual([
      "third",
      "second",
    ]);
    // A date alone is the whole day.
    expect((await list(`action=${prefix}.&from=${day(0)}&to=${day(0)}`)).total).toBe(5);
    expect((await list(`action=${prefix}.&to=${day(-1)}`)).total).toBe(0);
  });

  it("pages on the server without repeating or skipping", async () => {
    const pages = [
      await list(`action=${prefix}.&page_size=2&page=1`),
      await list(`action=${prefix}.&page_size=2&page=2`),
      await list(`action=${prefix}.&page_size=2&page=3`),
    ];
    expect(pages.map((page) => [page.total, page.page, page.page_size, page.events.length])).toEqual([
      [5, 1, 2, 2],
      [5, 2, 2, 2],
      [5, 3, 2, 1],
    ]);
    expect(pages.flatMap(names)).toEqual(names(await list(`action=${prefix}.`)));
  });

  it("answers bad filters with 400 and every field at once", async () => {
    const bad = await call(
      "GET",
      "/api/v1/admin/audit?from=yesterday&page=0&page_size=1000&to=2026-13-45",
      boss,
    );
    expect(bad.status).toBe(400);
    const error = bad.json.error as { code: string; fields: Record<string, string[]> };
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(error.fields).sort()).toEqual(["from", "page", "page_size", "to"]);
    const backwards = await call("GET", "/api/v1/admin/audit?from=2026-11-21&to=2026-11-20", boss);
    expect(backwards.json).toMatchObject({
      error: { code: "VALIDATION_FAILED", fields: { to: [expect.any(String)] } },
    });
  });

  it("exports everything matching as CSV that parses back, with formula cells neutralized", async () => {
    const answer = await call("GET", `/api/v1/admin/audit/export?action=${prefix}.`, boss);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("content-disposition")).toMatch(
      /^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...rows] = parseCsv(answer.text);
    expect(header).toEqual([
      "time",
      "actor_id",
      "actor_email",
      "via",
      "ip",
      "action",
      "target_type",
      "target_id",
      "target_name",
      "owner_id",
      "owner_email",
      "outcome",
      "details",
    ]);
    const column = (name: string) => header?.indexOf(name) ?? -1;
    expect(rows.map((row) => row[column("target_name")])).toEqual([
      'a, "quoted"\nname',
      `'=HYPERLINK("http://evil.example","x")`,
      "third",
      "second",
      "first",
    ]);
    expect(rows[1]?.[column("actor_email")]).toBe("'@SUM(1+1)");
    expect(rows[3]?.[column("outcome")]).toBe("CONFLICT");
    expect(rows[4]?.[column("time")]).toBe(new Date(base).toISOString());
    expect(JSON.parse(rows[4]?.[column("details")] ?? "")).toEqual({ index: 0, note: "-2+3" });
    // No cell a spreadsheet would evaluate.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it("exports more than one batch, all of it, in order", async () => {
    const many = `bulk-${run}`;
    await db.auditEvent.createMany({
      data: Array.from({ length: 1203 }, (_, index) => ({
        at: new Date(base + index * 1000),
        via: "system",
        action: `${many}.row`,
        targetType: "workspace",
        targetId: `many-${index}`,
        outcome: "ok",
      })),
    });
    const [, ...rows] = parseCsv(
      (await call("GET", `/api/v1/admin/audit/export?action=${many}.row`, boss)).text,
    );
    expect(rows).toHaveLength(1203);
    expect(rows.map((row) => row[7])).toEqual(
      Array.from({ length: 1203 }, (_, index) => `many-${1202 - index}`),
    );
    await db.auditEvent.deleteMany({ where: { action: `${many}.row` } });
  });

  it("shows the filtered log to an admin on /admin/audit", async () => {
    const page = await call("GET", `/admin/audit?action=${prefix}.alpha`, boss);
    expect(page.status).toBe(200);
    const html = page.text.replace(/<!-- -->/g, "");
    expect(html).toContain("Audit log");
    expect(html.match(/data-testid="audit-row"/g)).toHaveLength(2);
    expect(html).toContain("alice@example.com");
    expect(html).toContain("2 events · page 1 of 1");
    expect(html).toContain(`/api/v1/admin/audit/export?action=${prefix}.alpha`);
    const invalid = (await call("GET", "/admin/audit?from=nope", boss)).text;
    expect(invalid).toContain("Use a date such as 2026-12-01");
  });
});

describe("retention", () => {
  const DAY = 86_400_000;
  const seed = (action: string, daysAgo: number) =>
    db.auditEvent.create({
      data: {
        at: new Date(Date.now() - daysAgo * DAY),
        via: "system",
        action,
        targetType: "workspace",
        outcome: "ok",
      },
    });

  it("prunes rows older than the retention in bounded batches and keeps the recent ones", async () => {
    const action = `prune-${run}.direct`;
    for (const daysAgo of [100, 95, 92, 91, 91.5]) await seed(action, daysAgo);
    const recent = await seed(action, 89);
    expect(await pruneAudit({ retentionDays: 90, batchSize: 2 })).toBeGreaterThanOrEqual(5);
    expect((await db.auditEvent.findMany({ where: { action } })).map((row) => row.id)).toEqual([recent.id]);
  });

  it("is pruned by the server's background loop with AUDIT_RETENTION_DAYS", async () => {
    const action = `prune-${run}.loop`;
    const old = await seed(action, 31);
    const recent = await seed(action, 29);
    const server = await startAppServer({ ...testSettings, RECONCILER: "off", AUDIT_RETENTION_DAYS: "30" });
    try {
      const deadline = Date.now() + 15_000;
      while ((await db.auditEvent.count({ where: { id: old.id } })) > 0) {
        if (Date.now() > deadline) throw new Error(`the old row was not pruned:\n${server.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await db.auditEvent.count({ where: { id: recent.id } })).toBe(1);
      expect(server.output()).toMatch(/\[audit\] pruned \d+ event\(s\)/);
    } finally {
      await server.stop();
    }
  });
});

describe("the workspace page's history", () => {
  it("shows its owner what happened to it (an admin's action as an administrator's), and another user gets 404", async () => {
    const created = await call("POST", "/api/workspaces", ada, { name: "chronicle", template: "dev" });
    const id = String(created.json.id);
    expect(
      (await call("PATCH", `/api/workspaces/${id}`, ada, { env: [{ key: "SHOWN", value: "hidden-value" }] }))
        .status,
    ).toBe(200);
    expect((await call("POST", `/api/workspaces/${id}/stop`, boss)).status).toBe(200);
    // A stranger's refused attempt is not the owner's history.
    expect((await call("POST", `/api/workspaces/${id}/stop`, eve)).status).toBe(404);

    const text = (html: string) =>
      html
        .replace(/<!-- -->/g, "")
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ");
    const owner = await call("GET", `/workspaces/${id}`, ada);
    expect(owner.status).toBe(200);
    const start = owner.text.indexOf('data-testid="workspace-history"');
    // The card's own HTML (the page's data for the settings form holds the variable's value, for its owner).
    const history = text(owner.text.slice(start, owner.text.indexOf("<script", start)));
    expect(history).toContain("History");
    expect(history).toContain("an administrator stopped it ok");
    expect(history).toContain("You changed its settings ok");
    expect(history).toContain("env keys: added SHOWN");
    expect(history).toContain("You created it ok");
    expect(history).not.toContain("hidden-value");
    expect(owner.text).not.toContain(boss.email);
    expect(owner.text).not.toContain(eve.email);
    expect(owner.text.match(/data-testid="history-entry"/g)).toHaveLength(3);

    // The admin sees who acted.
    const admin = text((await call("GET", `/workspaces/${id}`, boss)).text);
    expect(admin).toContain("You stopped it");
    expect(admin).toContain(`${ada.email} created it`);

    const other = await call("GET", `/workspaces/${id}`, eve);
    expect(other.status).toBe(404);
    expect(other.text).not.toContain("chronicle");
  });
});

/** RFC 4180: quoted cells with doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
      i++;
    } else cell += char;
  }
  if (cell !== "" || record.length > 0) records.push([...record, cell]);
  return records;
}
