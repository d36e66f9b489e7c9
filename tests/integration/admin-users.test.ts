// The admin's users and orphans over HTTP against the built server, a real engine and a real SMTP capture:
// disabling shuts every door at once (cookie, forward-auth, magic links) and stops the account's workspaces;
// the last admin stays; quotas of an account's own count from its next start and go back to the platform's with
// null; deleting leaves nothing behind unless its volumes are kept on purpose (then they are orphans, which can be
// given to another user or removed), and nothing that is not this app's can be touched.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { type AppServer, startAppServer } from "../support/app-server";
import { expectAnswerConforms } from "../support/conforms";
import { createTestDatabase, userInDatabase } from "../support/database";
import { confirmLink, mailedLink, pageText, requestLink } from "../support/magic-link-http";
import { mailsTo } from "../support/mailbox";
import { IT } from "../support/prefixes";
import { actionNamed, callAction, encodeArgs } from "../support/server-actions";
import { startSmtpCapture } from "../support/smtp-capture";
import { docker } from "../support/test-image";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const db = getDb();
const mailDir = mkdtempSync(path.join(tmpdir(), "spawner-admin-users-mail-"));
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let app: AppServer;
let admin: TestUser;
/** Volumes and containers this file makes by hand (not labelled by the app): removed at the end. */
const madeByHand: { volumes: string[]; containers: string[] } = { volumes: [], containers: [] };

beforeAll(async () => {
  smtp = await startSmtpCapture(mailDir);
  app = await startAppServer({
    ...testSettings,
    RECONCILER: "off",
    EMAIL_SERVER: `smtp://127.0.0.1:${smtp.port}`,
    EMAIL_FROM: "Spawner <spawner@test.example>",
  });
  admin = await userWithSession(db, uniqueEmail("au-admin"), "ADMIN");
});
afterAll(async () => {
  await app?.stop();
  await smtp?.close();
  rmSync(mailDir, { recursive: true, force: true });
  if (madeByHand.containers.length) docker("rm", "-f", ...madeByHand.containers);
  for (const volume of madeByHand.volumes) docker("volume", "rm", "-f", volume);
});

type Who = { cookie: string } | null;
async function call(who: Who, method: string, url: string, body?: unknown) {
  const response = await fetch(`${app.url}${url}`, {
    method,
    headers: {
      ...(who ? { cookie: who.cookie } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // Every answer of the documented API is what its schema allows.
  expectAnswerConforms(
    { method, url },
    { status: response.status, contentType: response.headers.get("content-type"), text },
  );
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The admin's users page searched for this text, as the server renders it (React's text separators taken out). */
async function usersPage(q: string): Promise<string> {
  const response = await fetch(`${app.url}/admin/users?q=${encodeURIComponent(q)}`, {
    headers: { cookie: admin.cookie },
  });
  return (await response.text()).replace(/<!-- -->/g, "");
}

/** A started workspace of this user: its id, container and volume. */
async function startedWorkspace(user: TestUser, name: string) {
  const created = await call(user, "POST", "/api/workspaces", { name, template: "dev" });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const started = await call(user, "POST", `/api/workspaces/${created.body.id}/start`);
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const row = await db.workspace.findUniqueOrThrow({ where: { id: created.body.id } });
  return {
    id: row.id,
    container: started.body.container_id as string,
    volume: row.volumeName,
    routeKey: row.routeKey,
  };
}

/** A kept volume of this user: a started workspace deleted with its data kept. */
async function keptVolume(user: TestUser, name: string) {
  const workspace = await startedWorkspace(user, name);
  const deleted = await call(user, "DELETE", `/api/workspaces/${workspace.id}?keep_data=true`);
  expect(deleted.body.kept_volume.name).toBe(workspace.volume);
  return workspace.volume;
}

const state = (container: string) => docker("inspect", "-f", "{{.State.Status}}", container);
const volumeExists = (name: string) => docker("volume", "ls", "-q", "--filter", `name=^${name}$`) === name;
const labelled = (kind: "ps" | "volume", ownerId: string) =>
  (kind === "ps"
    ? docker("ps", "-aq", "--filter", `label=${IT}.owner-id=${ownerId}`)
    : docker("volume", "ls", "-q", "--filter", `label=${IT}.owner-id=${ownerId}`)
  )
    .split("\n")
    .filter(Boolean);

/** Traefik's forward-auth question for a workspace's path route, with this cookie. */
async function forwardAuth(cookie: string, workspace: { id: string; routeKey: string }) {
  const response = await fetch(`${app.url}/api/forward-auth?ws=${workspace.id}`, {
    headers: {
      cookie,
      "x-forwarded-method": "GET",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "spawner.example",
      "x-forwarded-uri": `/${workspace.routeKey}/`,
    },
  });
  await response.body?.cancel();
  return response.status;
}

describe("disabling and enabling a user", () => {
  let ada: TestUser;
  let one: Awaited<ReturnType<typeof startedWorkspace>>;
  let two: Awaited<ReturnType<typeof startedWorkspace>>;

  beforeAll(async () => {
    ada = await userWithSession(db, uniqueEmail("au-ada"));
    [one, two] = [await startedWorkspace(ada, "one"), await startedWorkspace(ada, "two")];
  });

  it("stops their running workspaces, ends their session and forward-auth at once, and sends them no link", async () => {
    // A link mailed before the account is disabled, not used yet.
    expect((await requestLink(app.url, ada.email)).status).toBe(200);
    const oldLink = await mailedLink(app.url, mailDir, ada.email);
    expect(await forwardAuth(ada.cookie, one)).toBe(200);

    const disabled = await call(admin, "PATCH", `/api/v1/admin/users/${ada.id}`, { disabled: true });
    expect(disabled.status, JSON.stringify(disabled.body)).toBe(200);
    expect(disabled.body.user).toMatchObject({
      id: ada.id,
      status: "disabled",
      workspaces: { total: 2, running: 0 },
    });
    expect(disabled.body.stopped.map((item: { ok: boolean }) => item.ok)).toEqual([true, true]);
    expect([state(one.container), state(two.container)]).toEqual(["exited", "exited"]);

    // The very next request with their cookie: signed out. Forward-auth (cached a moment ago) refuses too.
    expect((await call(ada, "GET", "/api/workspaces")).status).toBe(401);
    expect(await forwardAuth(ada.cookie, one)).toBe(401);
    expect(await db.session.count({ where: { userId: ada.id } })).toBe(0);
    // A session row that survived (a race with the disabling) opens nothing either.
    await db.session.create({
      data: { sessionToken: `survivor-${ada.id}`, userId: ada.id, expires: new Date(Date.now() + 3_600_000) },
    });
    const survivor = { cookie: `authjs.session-token=survivor-${ada.id}` };
    expect((await call(survivor, "GET", "/api/workspaces")).status).toBe(401);
    expect(await forwardAuth(survivor.cookie, two)).toBe(401);

    // The owner stays the owner; the admin is who stopped it.
    const seen = await call(admin, "GET", `/api/workspaces/${one.id}`);
    expect(seen.body).toMatchObject({ status: "stopped", stopped_reason: "admin", owner: { id: ada.id } });
    // Nothing of theirs starts while the account is disabled, not even by an admin.
    const start = await call(admin, "POST", `/api/workspaces/${one.id}/start`);
    expect(start.status).toBe(409);
    expect(start.body.error.code).toBe("ACCOUNT_DISABLED");
    expect(state(one.container)).toBe("exited");

    // A new link: the same answer as for any address, and no mail.
    const asked = await requestLink(app.url, ada.email);
    const unknown = await requestLink(app.url, uniqueEmail("au-nobody"));
    expect(asked).toEqual(unknown);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mailsTo(mailDir, ada.email)).toHaveLength(1);
    // The old link signs nobody in, and says why.
    const attempt = await confirmLink(app.url, oldLink);
    expect(attempt.sessionCookie).toBeUndefined();
    expect(attempt.location).toBe(`${app.url}/login/error?error=AccessDenied`);
    expect(await pageText(new URL(attempt.location))).toContain("This account is disabled");

    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "user.disable", targetId: ada.id },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({ actorId: admin.id, ownerId: ada.id, ownerEmail: ada.email, outcome: "ok" });
    // One event for the verb, its stops as items (what each stop recorded, how it ended).
    const items = JSON.parse(event.details).items as {
      action: string;
      outcome: string;
      owner: { id: string };
    }[];
    expect(items).toHaveLength(2);
    for (const item of items)
      expect(item).toMatchObject({ action: "workspace.stop", outcome: "ok", owner: { id: ada.id } });
    expect(await db.auditEvent.count({ where: { action: "workspace.stop", ownerId: ada.id } })).toBe(0);
  });

  it("enabling lets them sign in again; their workspaces stay stopped", async () => {
    const enabled = await call(admin, "PATCH", `/api/v1/admin/users/${ada.id}`, { disabled: false });
    expect(enabled.status).toBe(200);
    expect(enabled.body.user.status).toBe("active");
    const before = mailsTo(mailDir, ada.email).length;
    expect((await requestLink(app.url, ada.email)).status).toBe(200);
    const link = await mailedLink(app.url, mailDir, ada.email, before + 1);
    const signedIn = await confirmLink(app.url, link);
    expect(signedIn.location).toBe(`${app.url}/dashboard`);
    const cookie = { cookie: (signedIn.sessionCookie ?? "").split(";")[0] ?? "" };
    const list = await call(cookie, "GET", "/api/workspaces");
    expect(list.status).toBe(200);
    expect(list.body.workspaces.map((w: { status: string }) => w.status)).toEqual(["stopped", "stopped"]);
  });

  it("refuses bad input clearly and changes nothing", async () => {
    const before = await db.user.findUniqueOrThrow({ where: { id: ada.id } });
    for (const body of [{}, { role: "ROOT" }, { disabled: "yes" }, { role: "ADMIN", extra: 1 }]) {
      const answer = await call(admin, "PATCH", `/api/v1/admin/users/${ada.id}`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe("VALIDATION_FAILED");
    }
    expect((await call(admin, "PATCH", "/api/v1/admin/users/nobody-here", { disabled: true })).status).toBe(
      404,
    );
    expect((await call(admin, "GET", "/api/v1/admin/users?page=abc")).status).toBe(400);
    // An admin can't lock themselves out.
    const self = await call(admin, "PATCH", `/api/v1/admin/users/${admin.id}`, { disabled: true });
    expect(self.status).toBe(409);
    expect(await db.user.findUniqueOrThrow({ where: { id: ada.id } })).toEqual(before);
  });

  it("finds users by email, name or slug", async () => {
    const found = await call(admin, "GET", `/api/v1/admin/users?q=${encodeURIComponent(ada.slug)}`);
    expect(found.body.users.map((user: { id: string }) => user.id)).toEqual([ada.id]);
    expect(found.body.users[0]).toMatchObject({ role: "USER", workspaces: { total: 2, running: 0 } });
    expect(found.body.users[0].last_seen).not.toBeNull();
    // The page, rendered on the server: the search finds the row, with its role, status and counts.
    const html = await usersPage(ada.email);
    expect(html).toContain(`data-user="${ada.email}"`);
    expect(html).toContain("2 (0 running)");
    expect(html).toContain("1 account matching");
  });
});

describe("a user's own quotas", () => {
  let ivy: TestUser;
  let first: Awaited<ReturnType<typeof startedWorkspace>>;
  let secondId = "";
  const viewOf = async (who: TestUser) => {
    const found = await call(admin, "GET", `/api/v1/admin/users?q=${encodeURIComponent(who.email)}`);
    expect(found.status).toBe(200);
    return found.body.users[0];
  };
  const quotaEvents = (who: TestUser) =>
    db.auditEvent.findMany({ where: { action: "user.quota", targetId: who.id }, orderBy: { id: "asc" } });

  beforeAll(async () => {
    ivy = await userWithSession(db, uniqueEmail("au-ivy"));
    first = await startedWorkspace(ivy, "first");
    const created = await call(ivy, "POST", "/api/workspaces", { name: "second", template: "dev" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    secondId = created.body.id;
  });

  it("shows each quota in effect, the platform's, the account's own (none yet) and what it uses now", async () => {
    const { quota } = await viewOf(ivy);
    for (const key of ["workspaces", "running", "memory_mb", "cpus"]) {
      expect(quota[key].own, key).toBeNull();
      expect(quota[key].max, key).toBe(quota[key].platform);
    }
    // One running dev workspace of the test settings' 64 MB and 0.5 CPUs; two workspaces in all.
    expect(quota.workspaces.used).toBe(2);
    expect(quota.running.used).toBe(1);
    expect(quota.memory_mb.used).toBe(64);
    expect(quota.cpus.used).toBe(0.5);
  });

  it("a running quota of 1 refuses their second start (403 QUOTA_EXCEEDED), and null gives the platform's back", async () => {
    const set = await call(admin, "PATCH", `/api/v1/admin/users/${ivy.id}`, { quota: { running: 1 } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.user.quota.running).toMatchObject({ max: 1, own: 1, used: 1 });
    // Only what was named changes.
    expect(set.body.user.quota.memory_mb.own).toBeNull();
    expect(await db.user.findUniqueOrThrow({ where: { id: ivy.id } })).toMatchObject({
      quotaRunning: 1,
      quotaWorkspaces: null,
      quotaMemoryMb: null,
      quotaCpus: null,
    });
    // Setting a quota stops nothing: the first one still runs.
    expect(state(first.container)).toBe("running");

    const refused = await call(ivy, "POST", `/api/workspaces/${secondId}/start`);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: "QUOTA_EXCEEDED",
      details: { limit: "running", max: 1, used: 1 },
    });
    expect(labelled("ps", ivy.id)).toHaveLength(1);

    const back = await call(admin, "PATCH", `/api/v1/admin/users/${ivy.id}`, { quota: { running: null } });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    const running = back.body.user.quota.running;
    expect(running.own).toBeNull();
    expect(running.max).toBe(running.platform);
    expect(running.platform === 0 || running.platform >= 2).toBe(true);
    const started = await call(ivy, "POST", `/api/workspaces/${secondId}/start`);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect((await viewOf(ivy)).quota.running.used).toBe(2);

    // Each change recorded on its own, with what the account's own quotas were and became.
    const events = await quotaEvents(ivy);
    expect(events.map((event) => [event.actorId, event.ownerId, event.outcome])).toEqual([
      [admin.id, ivy.id, "ok"],
      [admin.id, ivy.id, "ok"],
    ]);
    const none = { workspaces: null, running: null, memory_mb: null, cpus: null };
    expect(events.map((event) => JSON.parse(event.details))).toEqual([
      { from: none, to: { ...none, running: 1 } },
      { from: { ...none, running: 1 }, to: none },
    ]);
  });

  it("takes all four at once, 0 as no limit, and shows which are the account's own on the page", async () => {
    const quota = { workspaces: 0, running: 3, memory_mb: 1024, cpus: 1.5 };
    const set = await call(admin, "PATCH", `/api/v1/admin/users/${ivy.id}`, { quota });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    for (const [key, value] of Object.entries(quota))
      expect(set.body.user.quota[key], key).toMatchObject({ max: value, own: value });
    const html = await usersPage(ivy.email);
    expect(html).toContain('data-quota="running" data-own="true"');
    expect(html).toContain("2 of 3");
    expect(html).toContain("128 of 1024 MB");
    expect(html).toContain("1 of 1.5");
    expect(html).toContain("2 (no limit)");
  });

  it("refuses bad quotas by field (quota.memory_mb …), changes nothing, and answers anyone but an admin 404", async () => {
    const before = await db.user.findUniqueOrThrow({ where: { id: ivy.id } });
    const events = (await quotaEvents(ivy)).length;
    for (const [quota, field] of [
      [{ memory_mb: -1 }, "quota.memory_mb"],
      [{ running: 1.5 }, "quota.running"],
      [{ cpus: "lots" }, "quota.cpus"],
      [{ workspaces: 10_001 }, "quota.workspaces"],
      [{}, "quota"],
      [{ disk_gb: 1 }, "quota"],
      [5, "quota"],
    ] as const) {
      const answer = await call(admin, "PATCH", `/api/v1/admin/users/${ivy.id}`, { quota });
      expect(answer.status, JSON.stringify(quota)).toBe(400);
      expect(answer.body.error.code).toBe("VALIDATION_FAILED");
      expect(Object.keys(answer.body.error.fields), JSON.stringify(quota)).toEqual([field]);
    }
    // A plain user, even about themselves: the admin API does not exist for them.
    const theirs = await call(ivy, "PATCH", `/api/v1/admin/users/${ivy.id}`, { quota: { running: 0 } });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe("NOT_FOUND");
    expect(await db.user.findUniqueOrThrow({ where: { id: ivy.id } })).toEqual(before);
    expect(await quotaEvents(ivy)).toHaveLength(events);
  });

  it("the page's action takes the same quotas, its errors keyed by field", async () => {
    const action = actionNamed("setUserQuotaAction");
    const bad = await callAction(app.url, action, {
      body: encodeArgs([ivy.id, { memory_mb: -5, cpus: null }]),
      cookie: admin.cookie,
    });
    expect(bad.result).toMatchObject({
      ok: false,
      error: { code: "VALIDATION_FAILED", fields: { memory_mb: expect.any(Array) } },
    });
    const none = { workspaces: null, running: null, memory_mb: null, cpus: null };
    const reset = await callAction(app.url, action, {
      body: encodeArgs([ivy.id, none]),
      cookie: admin.cookie,
    });
    expect(reset.result).toMatchObject({ ok: true, data: { id: ivy.id, quota: { running: { own: null } } } });
    expect(await db.user.findUniqueOrThrow({ where: { id: ivy.id } })).toMatchObject({
      quotaWorkspaces: null,
      quotaRunning: null,
      quotaMemoryMb: null,
      quotaCpus: null,
    });
    const plain = await callAction(app.url, action, {
      body: encodeArgs([ivy.id, { running: 0 }]),
      cookie: ivy.cookie,
    });
    expect(plain.result).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: ivy.id } })).quotaRunning).toBeNull();
  });
});

describe("the last admin", () => {
  let dir = "";
  let own: AppServer;
  let url = "";

  beforeAll(async () => {
    // A database of its own: the shared one has other files' admins.
    ({ url, dir } = createTestDatabase("admin-users-last"));
    own = await startAppServer({ ...testSettings, DATABASE_URL: url, RECONCILER: "off" });
  });
  afterAll(async () => {
    await own?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const makeAdmin = (name: string) => {
    const user = userInDatabase(url, name);
    const file = new Database(url.replace(/^file:/, ""));
    // Times as Prisma writes them (ISO text): the helper's SQLite default and epoch numbers don't read back here.
    const now = new Date().toISOString();
    file
      .prepare(`UPDATE "User" SET role = 'ADMIN', createdAt = ?, updatedAt = ? WHERE id = ?`)
      .run(now, now, user.id);
    file.prepare(`UPDATE "Session" SET updatedAt = ? WHERE userId = ?`).run(now, user.id);
    file.close();
    return user;
  };
  const patch = (who: { cookie: string }, id: string, body: unknown) =>
    fetch(`${own.url}/api/v1/admin/users/${id}`, {
      method: "PATCH",
      headers: { cookie: who.cookie, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const activeAdmins = () => {
    const file = new Database(url.replace(/^file:/, ""), { readonly: true });
    const rows = file.prepare(`SELECT id FROM "User" WHERE role = 'ADMIN' AND disabledAt IS NULL`).all();
    file.close();
    return rows as { id: string }[];
  };

  it("can't be demoted (409 LAST_ADMIN) and stays ADMIN; two admins demoting each other at once leave one", async () => {
    const solo = makeAdmin("solo");
    const refused = await patch(solo, solo.id, { role: "USER" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe("LAST_ADMIN");
    expect(activeAdmins()).toEqual([{ id: solo.id }]);

    const duo = makeAdmin("duo");
    const answers = await Promise.all([
      patch(solo, duo.id, { role: "USER" }),
      patch(duo, solo.id, { role: "USER" }),
    ]);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(
      statuses.filter((status) => status !== 200).every((status) => status === 409 || status === 404),
    ).toBe(true);
    expect(activeAdmins()).toHaveLength(1);
  });
});

describe("deleting a user", () => {
  it("needs the typed confirmation to remove volumes; with it, leaves no container, volume or row behind", async () => {
    const bob = await userWithSession(db, uniqueEmail("au-bob"));
    const running = await startedWorkspace(bob, "main");
    const kept = await keptVolume(bob, "old");
    const before = { user: await db.user.findUniqueOrThrow({ where: { id: bob.id } }), sessions: 1 };

    for (const confirm of ["", "nope", "someone@example.com"]) {
      const answer = await call(
        admin,
        "DELETE",
        `/api/v1/admin/users/${bob.id}?delete_volumes=true&confirm=${encodeURIComponent(confirm)}`,
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("CONFIRMATION_REQUIRED");
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: bob.id } })).toEqual(before.user);
    expect(await db.session.count({ where: { userId: bob.id } })).toBe(before.sessions);
    expect(state(running.container)).toBe("running");
    expect(volumeExists(kept)).toBe(true);

    const deleted = await call(
      admin,
      "DELETE",
      `/api/v1/admin/users/${bob.id}?delete_volumes=true&confirm=${encodeURIComponent(bob.email.toUpperCase())}`,
    );
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body).toMatchObject({ deleted: true, volumes_left: [] });
    expect(labelled("ps", bob.id)).toEqual([]);
    expect(labelled("volume", bob.id)).toEqual([]);
    expect(volumeExists(running.volume)).toBe(false);
    expect(volumeExists(kept)).toBe(false);
    expect({
      users: await db.user.count({ where: { id: bob.id } }),
      workspaces: await db.workspace.count({ where: { ownerId: bob.id } }),
      sessions: await db.session.count({ where: { userId: bob.id } }),
      kept: await db.keptVolume.count({ where: { ownerId: bob.id } }),
      tokens: await db.verificationToken.count({ where: { identifier: bob.email } }),
    }).toEqual({ users: 0, workspaces: 0, sessions: 0, kept: 0, tokens: 0 });
    // History outlives the account.
    const events = await db.auditEvent.findMany({ where: { ownerId: bob.id, action: "user.delete" } });
    expect(events.map((event) => event.outcome)).toEqual([
      "CONFIRMATION_REQUIRED",
      "CONFIRMATION_REQUIRED",
      "CONFIRMATION_REQUIRED",
      "ok",
    ]);
    expect((await call(bob, "GET", "/api/workspaces")).status).toBe(401);
  });

  it("without it, leaves their volumes on the engine as orphans: one given to another user, one removed", async () => {
    const carol = await userWithSession(db, uniqueEmail("au-carol"));
    const dave = await userWithSession(db, uniqueEmail("au-dave"));
    const running = await startedWorkspace(carol, "main");
    const kept = await keptVolume(carol, "old");
    const deleted = await call(admin, "DELETE", `/api/v1/admin/users/${carol.id}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(labelled("ps", carol.id)).toEqual([]);
    expect(labelled("volume", carol.id).sort()).toEqual([running.volume, kept].sort());
    expect(await db.user.count({ where: { id: carol.id } })).toBe(0);

    const orphans = await call(admin, "GET", "/api/v1/admin/orphans");
    expect(orphans.status).toBe(200);
    const names = orphans.body.volumes.map((volume: { name: string }) => volume.name);
    expect(names).toEqual(expect.arrayContaining([running.volume, kept]));
    expect(orphans.body.volumes.find((volume: { name: string }) => volume.name === kept).owner).toEqual({
      id: carol.id,
      email: null,
    });

    // Given to Dave: one of his kept volumes, attachable to a new workspace.
    const given = await call(admin, "POST", `/api/v1/admin/orphans/volumes/${running.volume}/give`, {
      user_id: dave.id,
    });
    expect(given.status, JSON.stringify(given.body)).toBe(200);
    const volumes = await call(dave, "GET", "/api/volumes");
    const mine = volumes.body.volumes.find((volume: { name: string }) => volume.name === running.volume);
    expect(mine).toBeDefined();
    const restored = await call(dave, "POST", "/api/workspaces", {
      name: "restored",
      template: "dev",
      volume: mine.id,
    });
    expect(restored.status, JSON.stringify(restored.body)).toBe(201);
    const started = await call(dave, "POST", `/api/workspaces/${restored.body.id}/start`);
    expect(started.status).toBe(200);
    expect(docker("inspect", "-f", "{{range .Mounts}}{{.Name}}{{end}}", started.body.container_id)).toBe(
      running.volume,
    );
    expect(
      (await call(admin, "GET", "/api/v1/admin/orphans")).body.volumes.map((v: { name: string }) => v.name),
    ).not.toContain(running.volume);
    // Given once: a second give finds no orphan.
    const again = await call(admin, "POST", `/api/v1/admin/orphans/volumes/${running.volume}/give`, {
      user_id: admin.id,
    });
    expect(again.status).toBe(404);

    // Removing data for good takes the volume's name typed again.
    for (const typed of ["", "?confirm=nope"]) {
      const refused = await call(admin, "DELETE", `/api/v1/admin/orphans/volumes/${kept}${typed}`);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe("CONFIRMATION_REQUIRED");
      expect(volumeExists(kept)).toBe(true);
    }
    const removed = await call(admin, "DELETE", `/api/v1/admin/orphans/volumes/${kept}?confirm=${kept}`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(volumeExists(kept)).toBe(false);
    const audit = await db.auditEvent.findMany({
      where: { action: { in: ["orphan.give", "orphan.remove"] }, targetId: { in: [running.volume, kept] } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((event) => [event.action, event.outcome, event.ownerId])).toEqual([
      ["orphan.give", "ok", dave.id],
      ["orphan.give", "VOLUME_NOT_FOUND", null],
      ["orphan.remove", "CONFIRMATION_REQUIRED", null],
      ["orphan.remove", "CONFIRMATION_REQUIRED", null],
      ["orphan.remove", "ok", null],
    ]);
  });
});

describe("orphans", () => {
  it("touches only this app's unclaimed, labelled objects: an unlabelled or foreign volume is 404 and stays", async () => {
    const suffix = Date.now().toString(36);
    const plain = `${IT}-plain-${suffix}`;
    const foreign = `${IT}-foreign-${suffix}`;
    docker("volume", "create", plain);
    docker("volume", "create", "--label", `other-${IT}.managed-by=spawner`, foreign);
    madeByHand.volumes.push(plain, foreign);
    const ada = await userWithSession(db, uniqueEmail("au-claimed"));
    const claimed = await startedWorkspace(ada, "claimed");
    for (const name of [plain, foreign, claimed.volume]) {
      for (const [method, url, body] of [
        ["DELETE", `/api/v1/admin/orphans/volumes/${name}`, undefined],
        ["POST", `/api/v1/admin/orphans/volumes/${name}/give`, { user_id: admin.id }],
      ] as const) {
        const answer = await call(admin, method, url, body);
        expect(answer.status, `${method} ${name}`).toBe(404);
        expect(answer.body.error.code).toBe("VOLUME_NOT_FOUND");
      }
      expect(volumeExists(name)).toBe(true);
    }
    for (const bad of ["..%2f..%2fetc", "%20", "-rf", "a".repeat(300)])
      expect((await call(admin, "DELETE", `/api/v1/admin/orphans/volumes/${bad}`)).status, bad).toBe(404);
    expect((await call(admin, "DELETE", `/api/v1/admin/orphans/workloads/${claimed.container}`)).status).toBe(
      404,
    );
    expect(state(claimed.container)).toBe("running");
    const listed = await call(admin, "GET", "/api/v1/admin/orphans");
    const names = listed.body.volumes.map((volume: { name: string }) => volume.name);
    expect(names).not.toContain(plain);
    expect(names).not.toContain(foreign);
    expect(names).not.toContain(claimed.volume);
  });

  it("removes an orphaned workload; its volume stays, listed as an orphaned volume", async () => {
    const suffix = Date.now().toString(36);
    const name = `${IT}-stray-${suffix}`;
    const labels = [
      `${IT}.managed-by=spawner`,
      `${IT}.owner-id=ugone${suffix}`,
      `${IT}.workspace-id=wgone${suffix}`,
    ];
    docker("volume", "create", ...labels.flatMap((label) => ["--label", label]), name);
    const image = testSettings.USER_TEMPLATE_IMAGE_DEV;
    const id = docker(
      "create",
      "--name",
      name,
      ...[...labels, `${IT}.workspace=dev`, `${IT}.template=dev`].flatMap((label) => ["--label", label]),
      "-v",
      `${name}:/workspace`,
      image,
    );
    const listed = await call(admin, "GET", "/api/v1/admin/orphans");
    expect(listed.body.workloads.find((workload: { id: string }) => workload.id === id)).toMatchObject({
      name,
      owner: { id: `ugone${suffix}`, email: null },
      workspace: { id: `wgone${suffix}`, name: "dev", template: "dev" },
    });
    const inUse = await call(admin, "DELETE", `/api/v1/admin/orphans/volumes/${name}?confirm=${name}`);
    expect(inUse.status).toBe(409);
    const removed = await call(admin, "DELETE", `/api/v1/admin/orphans/workloads/${id}`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(docker("ps", "-aq", "--filter", `id=${id}`)).toBe("");
    expect(volumeExists(name)).toBe(true);
    const after = await call(admin, "GET", "/api/v1/admin/orphans");
    expect(after.body.workloads.map((workload: { id: string }) => workload.id)).not.toContain(id);
    expect(after.body.volumes.map((volume: { name: string }) => volume.name)).toContain(name);
    const page = await (
      await fetch(`${app.url}/admin/orphans`, { headers: { cookie: admin.cookie } })
    ).text();
    expect(page).toContain(`data-volume="${name}"`);
    expect(page).not.toContain(`data-workload="${id}"`);
    expect(
      (await call(admin, "DELETE", `/api/v1/admin/orphans/volumes/${name}?confirm=${name}`)).status,
    ).toBe(200);
    expect(volumeExists(name)).toBe(false);
  });
});
