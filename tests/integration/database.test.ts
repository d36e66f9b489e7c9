import Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/create-user";
import { enforceSignInLimit } from "@/lib/auth/sign-in-limit";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

const db = getDb();
const file = String(process.env.DATABASE_URL).replace(/^file:/, "");

beforeEach(async () => {
  await db.signInAttempt.deleteMany();
  await db.user.deleteMany();
});

describe("migrations", () => {
  it("created every model's table and turned on WAL", () => {
    const sqlite = new Database(file, { readonly: true });
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "Account",
        "Session",
        "SignInAttempt",
        "Template",
        "User",
        "VerificationToken",
        "Workspace",
        "WorkspaceSecret",
        "KeptVolume",
        "_prisma_migrations",
      ]),
    );
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    sqlite.close();
  });
});

describe("createUser", () => {
  it("makes the first user an admin when ADMIN_EMAILS is empty, and nobody after", async () => {
    const first = await createUser({ email: "first@example.com", adminEmails: [] });
    const second = await createUser({ email: "second@example.com", adminEmails: [] });
    expect([first.role, second.role]).toEqual(["ADMIN", "USER"]);
  });

  it("makes exactly the listed addresses admins when ADMIN_EMAILS is set", async () => {
    const plain = await createUser({ email: "plain@example.com", adminEmails: ["boss@example.com"] });
    const boss = await createUser({ email: "Boss@Example.com", adminEmails: ["boss@example.com"] });
    expect([plain.role, boss.role]).toEqual(["USER", "ADMIN"]);
    expect(boss.email).toBe("boss@example.com");
  });

  it("gives colliding slugs numeric suffixes, even when sign-ups race", async () => {
    const users = await Promise.all(
      ["ada@a.example", "ada@b.example", "Ada@c.example", "ada@d.example", "a.d.a@e.example"].map((email) =>
        createUser({ email, adminEmails: [] }),
      ),
    );
    const slugs = users.map((user) => user.slug).sort();
    expect(slugs).toEqual(["a-d-a", "ada", "ada-2", "ada-3", "ada-4"]);
  });

  it("removes a user's workspace rows, their secrets and kept-volume records with the user", async () => {
    const user = await createUser({ email: "gone@example.com", adminEmails: [] });
    const template = await db.template.findFirstOrThrow({ where: { name: "dev" } });
    const workspace = await db.workspace.create({
      data: {
        ownerId: user.id,
        name: "dev",
        displayName: "Dev",
        templateId: template.id,
        routeKey: `${user.slug}-dev`,
        workloadName: "x",
        volumeName: "v",
        secrets: { create: { kind: "file", path: "~/x", size: 1, sealed: "v1:x" } },
      },
    });
    await db.keptVolume.create({
      data: { ownerId: user.id, volumeName: `kept-${user.id}`, workspaceName: "old", templateName: "dev" },
    });
    await db.user.delete({ where: { id: user.id } });
    expect(await db.workspace.count({ where: { ownerId: user.id } })).toBe(0);
    expect(await db.workspaceSecret.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db.keptVolume.count({ where: { ownerId: user.id } })).toBe(0);
  });
});

describe("sign-in rate limit", () => {
  const refused = (work: Promise<unknown>) =>
    work.then(
      () => null,
      (error: unknown) => (error instanceof AppError ? error.code : error),
    );

  it("allows three links per address per ten minutes and refuses the fourth with 429", async () => {
    for (let i = 0; i < 3; i++) await enforceSignInLimit({ email: "ada@example.com", ip: `10.0.0.${i}` });
    const error = await enforceSignInLimit({ email: "ada@example.com", ip: "10.0.0.9" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(429);
    expect(error.details.retryAfterSeconds).toBeGreaterThan(500);
    // A different address is unaffected.
    expect(await refused(enforceSignInLimit({ email: "bob@example.com", ip: "10.0.0.9" }))).toBeNull();
  });

  it("lets a fresh window through once the old requests are ten minutes old", async () => {
    const old = new Date(Date.now() - 11 * 60_000);
    for (let i = 0; i < 3; i++)
      await enforceSignInLimit({ email: "ada@example.com", ip: "10.0.0.1", now: old });
    expect(await refused(enforceSignInLimit({ email: "ada@example.com", ip: "10.0.0.1" }))).toBeNull();
  });

  it("refuses the 21st link from one IP within an hour", async () => {
    for (let i = 0; i < 20; i++) await enforceSignInLimit({ email: `u${i}@example.com`, ip: "192.0.2.7" });
    expect(await refused(enforceSignInLimit({ email: "new@example.com", ip: "192.0.2.7" }))).toBe(
      "RATE_LIMITED",
    );
  });

  it("lets at most three of twenty racing requests for one address through", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        refused(enforceSignInLimit({ email: "race@example.com", ip: `10.1.0.${i}` })),
      ),
    );
    expect(results.filter((result) => result === null).length).toBeLessThanOrEqual(3);
    expect(results.filter((result) => result === null).length).toBeGreaterThanOrEqual(1);
    expect(results.every((result) => result === null || result === "RATE_LIMITED")).toBe(true);
  });
});

describe("concurrent writes", () => {
  it("50 concurrent writes finish without SQLITE_BUSY", async () => {
    const writes = Array.from({ length: 50 }, (_, i) =>
      db.signInAttempt.create({ data: { email: `w${i}@example.com`, ip: "10.9.9.9" } }),
    );
    const settled = await Promise.allSettled(writes);
    expect(settled.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await db.signInAttempt.count({ where: { ip: "10.9.9.9" } })).toBe(50);
  });
});
