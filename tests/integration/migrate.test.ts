// scripts/migrate.mjs on real SQLite files: Prisma agrees with its bookkeeping, a second run is a no-op, a
// Prisma-style table rebuild keeps the rows that point at the rebuilt table, and a broken migration is refused.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const root = mkdtempSync(path.join(tmpdir(), "spawner-migrate-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of the migrator beside its own migrations folder (the committed ones plus `extra`). */
function project(name: string, extra: Record<string, string> = {}): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, "scripts"), { recursive: true });
  cpSync("scripts/migrate.mjs", path.join(dir, "scripts/migrate.mjs"));
  cpSync("prisma/migrations", path.join(dir, "prisma/migrations"), { recursive: true });
  symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
  for (const [migration, sql] of Object.entries(extra)) {
    mkdirSync(path.join(dir, "prisma/migrations", migration));
    writeFileSync(path.join(dir, "prisma/migrations", migration, "migration.sql"), sql);
  }
  return dir;
}

function migrate(dir: string, database: string) {
  return spawnSync(process.execPath, [path.join(dir, "scripts/migrate.mjs")], {
    env: { ...process.env, DATABASE_URL: `file:${database}` },
    encoding: "utf8",
  });
}

// What `prisma migrate diff` writes for SQLite when a column is added to a table others point at.
const REBUILD_USER = `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY, "name" TEXT, "email" TEXT NOT NULL, "emailVerified" DATETIME, "image" TEXT,
    "slug" TEXT NOT NULL, "role" TEXT NOT NULL DEFAULT 'USER', "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL, "theme" TEXT
);
INSERT INTO "new_User" ("id", "name", "email", "emailVerified", "image", "slug", "role", "createdAt", "updatedAt")
  SELECT "id", "name", "email", "emailVerified", "image", "slug", "role", "createdAt", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_slug_key" ON "User"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`;

// The committed migrations, in the order the migrator applies them.
const COMMITTED = readdirSync("prisma/migrations", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const n = COMMITTED.length;

describe("scripts/migrate.mjs", () => {
  it("applies the committed migrations once, in Prisma's own bookkeeping", () => {
    const database = path.join(root, "fresh.db");
    const first = migrate(project("fresh"), database);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain(`(${n} migration(s) applied, ${n} in all)`);
    expect(migrate(path.join(root, "fresh"), database).stderr).toMatch(/\(0 migration\(s\) applied/);
    const status = execFileSync("node_modules/.bin/prisma", ["migrate", "status"], {
      env: { ...process.env, DATABASE_URL: `file:${database}` },
      encoding: "utf8",
    });
    expect(status).toContain("Database schema is up to date!");
  });

  it("keeps sessions, accounts and workspaces when a later migration rebuilds the User table", () => {
    const database = path.join(root, "rebuild.db");
    expect(migrate(project("base"), database).status).toBe(0);
    const db = new Database(database);
    db.exec(`INSERT INTO "User" (id, email, slug, updatedAt) VALUES ('u1', 'ada@example.com', 'ada', 0);
      INSERT INTO "Session" (sessionToken, userId, expires, updatedAt) VALUES ('s1', 'u1', 0, 0);
      INSERT INTO "Workspace" (id, ownerId, name, displayName, templateId, routeKey, workloadName, volumeName)
        VALUES ('w1', 'u1', 'dev', 'Dev', 'tpl-dev', 'ada-dev', 'n', 'v');
      INSERT INTO "WorkspaceSecret" (id, workspaceId, kind, path, size, sealed, updatedAt) VALUES ('s1', 'w1', 'file', '~/x', 1, 'v1:x', 0);`);
    db.close();
    const result = migrate(project("rebuild", { "29990101000000_user_theme": REBUILD_USER }), database);
    expect(result.status, result.stderr).toBe(0);
    const after = new Database(database, { readonly: true });
    expect(after.prepare(`SELECT count(*) AS n FROM "Session"`).get()).toEqual({ n: 1 });
    expect(after.prepare(`SELECT count(*) AS n FROM "Workspace"`).get()).toEqual({ n: 1 });
    expect(after.prepare(`SELECT count(*) AS n FROM "WorkspaceSecret"`).get()).toEqual({ n: 1 });
    expect(after.prepare(`SELECT theme FROM "User" WHERE id = 'u1'`).get()).toEqual({ theme: null });
    after.close();
  });

  it("refuses a broken migration by name, records nothing, and applies it once it is fixed", () => {
    const database = path.join(root, "broken.db");
    const broken = migrate(project("broken", { "29990101000000_broken": "CREATE TABLE oops (;" }), database);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain("migration 29990101000000_broken could not be applied");
    const db = new Database(database, { readonly: true });
    const names = db.prepare(`SELECT migration_name FROM "_prisma_migrations"`).all();
    db.close();
    expect(names).toEqual(COMMITTED.map((name) => ({ migration_name: name })));
    const fixed = migrate(
      project("fixed", { "29990101000000_broken": "CREATE TABLE oops (id TEXT);" }),
      database,
    );
    expect(fixed.stderr).toContain(`(1 migration(s) applied, ${n + 1} in all)`);
  });

  it("says what is wrong with an unusable DATABASE_URL instead of a stack trace", () => {
    for (const url of ["postgres://db/spawner", "file:", "file:/dev/null/spawner.db"]) {
      const result = spawnSync(process.execPath, ["scripts/migrate.mjs"], {
        env: { ...process.env, DATABASE_URL: url },
        encoding: "utf8",
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^\[spawner\] /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
