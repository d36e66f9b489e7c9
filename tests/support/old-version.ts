// A database exactly as an earlier version left it: the migrator with the migrations up to `last` only, run on a
// fresh file (for upgrade tests that then migrate it with everything since).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import path from "node:path";

export function migrateUpTo(root: string, database: string, last: string): void {
  const dir = path.join(root, "old-version");
  mkdirSync(path.join(dir, "scripts"), { recursive: true });
  mkdirSync(path.join(dir, "prisma/migrations"), { recursive: true });
  cpSync("scripts/migrate.mjs", path.join(dir, "scripts/migrate.mjs"));
  for (const name of readdirSync("prisma/migrations").filter((entry) => /^\d/.test(entry) && entry <= last))
    cpSync(`prisma/migrations/${name}`, path.join(dir, "prisma/migrations", name), { recursive: true });
  symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
  const result = spawnSync(process.execPath, [path.join(dir, "scripts/migrate.mjs")], {
    env: { ...process.env, DATABASE_URL: `file:${database}` },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(result.stderr);
}
