// A fresh, migrated SQLite file per test run, through the same migration script the app starts with.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function createTestDatabase(name: string): { url: string; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), `spawner-${name}-`));
  const url = `file:${path.join(dir, "test.db")}`;
  execFileSync(process.execPath, ["scripts/migrate.mjs"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "pipe"],
  });
  return { url, dir };
}
