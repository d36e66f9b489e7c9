// An API token's life over HTTP against the built server: made with the settings page's action (answered once,
// stored only as its SHA-256), used (last used time and address kept), refused past its scope, after it expires,
// once revoked, while its owner is disabled and after the owner is deleted — each step audited where the issue
// asks. The admin scope is for admins only; expiry is capped by API_TOKEN_MAX_DAYS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createToken } from "@/lib/tokens/create-token";
import { tokenHash } from "@/lib/tokens/token-format";
import { type AppServer, startAppServer } from "../support/app-server";
import { actionNamed, callAction, encodeArgs } from "../support/server-actions";
import { tokenFor } from "../support/tokens";
import { actorOf, type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const db = getDb();
let app: AppServer;
let ada: TestUser;
let boss: TestUser;

beforeAll(async () => {
  app = await startAppServer({ ...testSettings, API_TOKEN_MAX_DAYS: "90" });
  ada = await userWithSession(db, uniqueEmail("tok-ada"));
  boss = await userWithSession(db, uniqueEmail("tok-boss"), "ADMIN");
});
afterAll(async () => {
  await app?.stop();
});

type Made = { ok: true; data: { token: string; view: { id: string; hint: string; scopes: string[] } } };
const create = async (who: TestUser, input: unknown) =>
  (
    await callAction(app.url, actionNamed("createTokenAction"), {
      body: encodeArgs([input]),
      cookie: who.cookie,
      page: "/settings/tokens",
    })
  ).result as Made | { ok: false; error: { code: string; fields?: Record<string, string[]> } };
const made = async (who: TestUser, input: unknown) => {
  const answer = await create(who, input);
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  return (answer as Made).data;
};
const api = (token: string, path: string, init: RequestInit = {}) =>
  fetch(`${app.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, "x-forwarded-for": "203.0.113.7" },
  });
const errorOf = async (response: Response) => ({ status: response.status, ...(await response.json()).error });

describe("an API token's life", () => {
  it("is made once by its owner's session, and only its hash is kept", async () => {
    const { token, view } = await made(ada, { name: "ci", scopes: ["workspaces:read"], expires_in_days: 30 });
    expect(token).toMatch(/^spw_[0-9A-Za-z]{40}$/);
    expect(view.hint).toBe(`${token.slice(0, 14)}…`);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.hash).toBe(tokenHash(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(14));
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "token.create", targetId: view.id },
    });
    expect(audit).toMatchObject({ actorId: ada.id, via: "session", outcome: "ok" });
    expect(audit.details).not.toContain(token.slice(4));
  });

  it("refuses the admin scope to a plain user, an expiry past the cap, and a date that has passed", async () => {
    const denied = await create(ada, { name: "x", scopes: ["admin"], expires_in_days: 7 });
    expect(denied).toMatchObject({
      ok: false,
      error: { code: "VALIDATION_FAILED", fields: { scopes: [expect.any(String)] } },
    });
    const tooLong = await create(ada, { name: "x", scopes: ["workspaces:read"], expires_in_days: 91 });
    expect(tooLong).toMatchObject({
      ok: false,
      error: { fields: { expires_in_days: ["A token may live at most 90 days."] } },
    });
    const past = await create(ada, { name: "x", scopes: ["workspaces:read"], expires_on: "2020-01-01" });
    expect(past).toMatchObject({ ok: false, error: { fields: { expires_on: [expect.any(String)] } } });
    expect((await create(boss, { name: "ops", scopes: ["admin"], expires_in_days: 7 })).ok).toBe(true);
  });

  it("acts as its owner, keeps when and from where it was last used, and is refused past its scope", async () => {
    const { token, view } = await made(ada, {
      name: "reader",
      scopes: ["workspaces:read"],
      expires_in_days: 7,
    });
    const listed = await api(token, "/api/v1/workspaces");
    expect(listed.status).toBe(200);
    expect(await listed.json()).toMatchObject({ workspaces: [], total: 0 });
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.lastUsedIp).toBe("203.0.113.7");
    expect(Date.now() - (row.lastUsedAt?.getTime() ?? 0)).toBeLessThan(10_000);
    expect(await errorOf(await api(token, "/api/container/launch/dev", { method: "POST" }))).toMatchObject({
      status: 403,
      code: "INSUFFICIENT_SCOPE",
      message: "This API token lacks the workspaces:write scope.",
    });
    expect(await db.workspace.count({ where: { ownerId: ada.id } })).toBe(0);
  });

  it("stops working once it expires", async () => {
    const { token, view } = await made(ada, {
      name: "short",
      scopes: ["workspaces:read"],
      expires_in_days: 1,
    });
    expect((await api(token, "/api/v1/workspaces")).status).toBe(200);
    await db.apiToken.update({ where: { id: view.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await errorOf(await api(token, "/api/v1/workspaces"))).toMatchObject({
      status: 401,
      code: "UNAUTHENTICATED",
      message: "This API token has expired.",
    });
  });

  it("stops working once revoked (by its owner, or an admin for anyone's); another user can't revoke it", async () => {
    const { token, view } = await made(ada, {
      name: "revoked",
      scopes: ["workspaces:write"],
      expires_in_days: 7,
    });
    const eve = await userWithSession(db, uniqueEmail("tok-eve"));
    const revoke = (who: TestUser, action: string) =>
      callAction(app.url, actionNamed(action), {
        body: encodeArgs([view.id]),
        cookie: who.cookie,
        page: "/settings/tokens",
      });
    expect((await revoke(eve, "revokeTokenAction")).result).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect((await api(token, "/api/v1/workspaces")).status).toBe(200);
    expect((await revoke(ada, "revokeTokenAction")).result).toMatchObject({
      ok: true,
      data: { state: "revoked" },
    });
    expect(await errorOf(await api(token, "/api/v1/workspaces"))).toMatchObject({
      status: 401,
      message: "This API token was revoked.",
    });
    const other = await made(ada, { name: "by-admin", scopes: ["workspaces:read"], expires_in_days: 7 });
    expect((await revoke(eve, "revokeUserTokenAction")).result).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    const byAdmin = await callAction(app.url, actionNamed("revokeUserTokenAction"), {
      body: encodeArgs([other.view.id]),
      cookie: boss.cookie,
      page: "/admin/tokens",
    });
    expect(byAdmin.result).toMatchObject({ ok: true, data: { state: "revoked" } });
    expect((await api(other.token, "/api/v1/workspaces")).status).toBe(401);
    const events = await db.auditEvent.findMany({
      where: { action: "token.revoke", targetId: { in: [view.id, other.view.id] }, outcome: "ok" },
    });
    expect(events.map((event) => [event.targetId, event.actorId]).sort()).toEqual(
      [
        [view.id, ada.id],
        [other.view.id, boss.id],
      ].sort(),
    );
  });

  it("stops at once while its owner is disabled, works again when enabled, and is gone with a deleted owner", async () => {
    const cy = await userWithSession(db, uniqueEmail("tok-cy"));
    const { token } = await made(cy, { name: "cy", scopes: ["workspaces:read"], expires_in_days: 7 });
    const patch = (body: unknown) =>
      fetch(`${app.url}/api/v1/admin/users/${cy.id}`, {
        method: "PATCH",
        headers: { cookie: boss.cookie, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await api(token, "/api/v1/workspaces")).status).toBe(200);
    expect((await patch({ disabled: true })).status).toBe(200);
    expect(await errorOf(await api(token, "/api/v1/workspaces"))).toMatchObject({
      status: 401,
      message: "The account this API token belongs to is disabled.",
    });
    expect((await patch({ disabled: false })).status).toBe(200);
    expect((await api(token, "/api/v1/workspaces")).status).toBe(200);
    const deleted = await fetch(`${app.url}/api/v1/admin/users/${cy.id}`, {
      method: "DELETE",
      headers: { cookie: boss.cookie },
    });
    expect(deleted.status).toBe(200);
    expect(await db.apiToken.count({ where: { userId: cy.id } })).toBe(0);
    expect(await errorOf(await api(token, "/api/v1/workspaces"))).toMatchObject({
      status: 401,
      message: "This API token is not valid.",
    });
  });

  it("keeps at most 50 active tokens a person (expired and revoked ones don't count)", async () => {
    const dee = await userWithSession(db, uniqueEmail("tok-dee"));
    await tokenFor(db, dee, ["workspaces:read"], { expired: true });
    await tokenFor(db, dee, ["workspaces:read"], { revoked: true });
    for (let i = 0; i < 49; i += 1) await tokenFor(db, dee, ["workspaces:read"]);
    expect((await create(dee, { name: "50th", scopes: ["workspaces:read"], expires_in_days: 7 })).ok).toBe(
      true,
    );
    expect(
      await create(dee, { name: "51st", scopes: ["workspaces:read"], expires_in_days: 7 }),
    ).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringContaining("revoke one") },
    });
  });

  it("is never made with a token: the use case refuses a token's actor, whatever route would call it", async () => {
    const { view } = await made(ada, { name: "actor", scopes: ["workspaces:write"], expires_in_days: 7 });
    const asToken = {
      ...actorOf(ada),
      via: "token" as const,
      scopes: ["workspaces:write" as const],
      tokenId: view.id,
    };
    const input = { name: "minted", scopes: ["workspaces:write" as const], expires_in_days: 7 };
    await expect(createToken({ actor: asToken, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.apiToken.count({ where: { userId: ada.id, name: "minted" } })).toBe(0);
  });

  it("can't make another token: tokens are made by a session on the site", async () => {
    const { token } = await made(ada, { name: "minter", scopes: ["workspaces:write"], expires_in_days: 7 });
    const minted = await fetch(`${app.url}/settings/tokens`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "next-action": actionNamed("createTokenAction").id,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
      },
      body: encodeArgs([{ name: "more", scopes: ["workspaces:write"], expires_in_days: 7 }]),
    });
    expect(await minted.text()).toContain("UNAUTHENTICATED");
    expect(await db.apiToken.count({ where: { userId: ada.id, name: "more" } })).toBe(0);
  });
});
