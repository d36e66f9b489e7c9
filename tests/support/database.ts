// A fresh, migrated SQLite file per test run, through the same migration script the app starts with.
import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

export function createTestDatabase(name: string): { url: string; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), `spawner-${name}-`));
  const url = `file:${path.join(dir, "test.db")}`;
  execFileSync(process.execPath, ["scripts/migrate.mjs"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "pipe"],
  });
  return { url, dir };
}

/** Runs `work` on the test database's file (opened for it, closed after), as a test reads or writes behind the app. */
export function withDatabase<T>(url: string, work: (db: Database.Database) => T): T {
  const db = new Database(url.replace(/^file:/, ""));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/**
 * A signed-in user written straight into another test database (a server started with other template settings
 * gets a database of its own: templates are seeded from each server's settings, and must not change the shared one).
 */
export function userInDatabase(
  url: string,
  name: string,
  role: "USER" | "ADMIN" = "USER",
): { id: string; slug: string; email: string; cookie: string } {
  const db = new Database(url.replace(/^file:/, ""));
  try {
    const id = `u${randomBytes(8).toString("hex")}`;
    const slug = `${name}-${id.slice(1, 7)}`;
    const email = `${slug}@example.com`;
    const token = randomUUID();
    db.prepare(`INSERT INTO "User" (id, email, slug, role, updatedAt) VALUES (?, ?, ?, ?, ?)`).run(
      id,
      email,
      slug,
      role,
      Date.now(),
    );
    db.prepare(`INSERT INTO "Session" (sessionToken, userId, expires, updatedAt) VALUES (?, ?, ?, ?)`).run(
      token,
      id,
      Date.now() + 86_400_000,
      Date.now(),
    );
    return { id, slug, email, cookie: `authjs.session-token=${token}` };
  } finally {
    db.close();
  }
}
