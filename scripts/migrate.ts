// Applies the committed migrations to the configured SQLite file, then turns on WAL (persistent in the file).
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const url = process.env.DATABASE_URL || "file:./data/spawner.db";
const file = url.replace(/^file:/, "");
mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
  env: { ...process.env, DATABASE_URL: url },
  stdio: ["ignore", "ignore", "inherit"],
});

const db = new Database(file);
db.pragma("journal_mode = WAL");
db.close();
console.error(`[spawner] database ready: ${file}`);
