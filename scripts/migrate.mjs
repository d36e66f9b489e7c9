// Applies the committed migrations (prisma/migrations/*/migration.sql) to the SQLite file in DATABASE_URL.
// Plain Node.js + better-sqlite3, so `npm start`, the tests and the production image (which carries no Prisma
// CLI) run the same code. Bookkeeping is Prisma's own _prisma_migrations table, so `prisma migrate` agrees.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const MIGRATIONS = fileURLToPath(new URL("../prisma/migrations", import.meta.url));

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const fail = (message) => {
  console.error(`[spawner] ${message}`);
  process.exit(1);
};

const url = process.env.DATABASE_URL || "file:./data/spawner.db";
if (!/^file:.+/.test(url)) fail(`DATABASE_URL must be a SQLite file URL such as file:./data/spawner.db`);
const file = path.resolve(url.slice("file:".length));

let db;
try {
  mkdirSync(path.dirname(file), { recursive: true });
  db = new Database(file);
  db.pragma("busy_timeout = 10000");
  // WAL is a property of the file: set once here, kept for every later connection.
  db.pragma("journal_mode = WAL");
  // Table rebuilds in Prisma's migrations drop tables; with foreign keys on, that would cascade-delete every
  // row that points at them. SQLite ignores this pragma inside a transaction, so it is set here, before any.
  db.pragma("foreign_keys = OFF");
  db.exec(BOOKKEEPING);
} catch (error) {
  fail(`cannot open the database ${file}: ${error instanceof Error ? error.message : error}`);
}

const migrations = readdirSync(MIGRATIONS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let applied = 0;
for (const name of migrations) {
  const sql = readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8");
  const checksum = createHash("sha256").update(sql).digest("hex");
  // IMMEDIATE: two servers starting at once on one file apply each migration exactly once.
  const applyOne = db.transaction(() => {
    const rows = db
      .prepare(
        `SELECT checksum, finished_at FROM "_prisma_migrations" WHERE migration_name = ? AND rolled_back_at IS NULL`,
      )
      .all(name);
    if (rows.some((row) => row.finished_at === null))
      fail(`migration ${name} failed earlier; repair the database, then mark it rolled back.`);
    if (rows.length > 0) {
      if (rows[0].checksum !== checksum)
        console.error(`[spawner] warning: migration ${name} was changed after it was applied`);
      return false;
    }
    const now = new Date().toISOString();
    db.exec(sql);
    // Foreign keys are off while migrating: a migration that leaves a dangling reference is rolled back.
    const dangling = db.prepare("PRAGMA foreign_key_check").all();
    if (dangling.length > 0) throw new Error(`it leaves ${dangling.length} row(s) with a broken foreign key`);
    db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
       VALUES (?, ?, ?, ?, ?, 1)`,
    ).run(randomUUID(), checksum, new Date().toISOString(), name, now);
    return true;
  });
  try {
    if (applyOne.immediate()) applied += 1;
  } catch (error) {
    db.close();
    fail(`migration ${name} could not be applied: ${error instanceof Error ? error.message : error}`);
  }
}
db.close();
console.error(
  `[spawner] database ready: ${file} (${applied} migration(s) applied, ${migrations.length} in all)`,
);
