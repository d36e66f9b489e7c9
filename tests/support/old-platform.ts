// The upgrade tests' starting point since the admin version, in one place: a database migrated up to the release
// before (`lastBefore`), seeded with seedOldPlatform (an admin, the admin-edited dev template, an audit event, the
// owner's running dev workspace with data, a kept volume and a sealed secret), plus what the versions since added
// (`extra`), and a snapshot of its tables taken before the upgrade. `expectWorkloadKept` is what every upgrade must
// leave: the same container with its data, the kept volume, and no other container of ours.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect } from "vitest";
import { userInDatabase } from "./database";
import { migrateUpTo } from "./old-version";
import { seedOldPlatform, snapshotTables } from "./old-workloads";
import { IT } from "./prefixes";
import { docker, removeLabelled } from "./test-image";

type Person = ReturnType<typeof userInDatabase>;

/** The tables seedOldPlatform writes, snapshotted unless a test names more. */
export const SEEDED_TABLES = [
  "User",
  "Session",
  "Template",
  "Workspace",
  "WorkspaceSecret",
  "KeptVolume",
  "AuditEvent",
] as const;

export type OldPlatform = {
  prefix: string;
  database: string;
  ada: Person;
  boss: Person;
  containerId: string;
  workspaceId: string;
  keptVolume: string;
  /** The tables as the old release left them. */
  before: Record<string, Record<string, unknown>[]>;
  cleanup: () => void;
};

export function oldPlatform(options: {
  /** Names the label prefix, volumes and temp dir of this test: `${IT}-${name}`. */
  name: string;
  lastBefore: string;
  image: string;
  /** What is snapshotted before the upgrade; SEEDED_TABLES unless the test added rows elsewhere. */
  tables?: readonly string[];
  lastUsedAt: number;
  /** Rows the releases since the admin version added, written before the snapshot. */
  extra?: (db: Database.Database, platform: { ada: Person; boss: Person; workspaceId: string }) => void;
}): OldPlatform {
  const prefix = `${IT}-${options.name}`;
  const root = mkdtempSync(path.join(tmpdir(), `spawner-${options.name}-upgrade-`));
  const database = path.join(root, "old.db");
  const workspaceId = `w${randomBytes(8).toString("hex")}`;
  const volume = `ws-${options.name}-${workspaceId}`;
  const keptVolume = `ws-${options.name}-kept-${workspaceId}`;
  removeLabelled(prefix);
  migrateUpTo(root, database, options.lastBefore);
  const ada = userInDatabase(`file:${database}`, `ada-${options.name}`);
  const boss = userInDatabase(`file:${database}`, `boss-${options.name}`);
  const db = new Database(database);
  const { containerId } = seedOldPlatform(db, {
    prefix,
    image: options.image,
    admin: boss,
    owner: ada,
    workspaceId,
    volume,
    keptVolume,
    lastUsedAt: options.lastUsedAt,
  });
  options.extra?.(db, { ada, boss, workspaceId });
  db.close();
  return {
    prefix,
    database,
    ada,
    boss,
    containerId,
    workspaceId,
    keptVolume,
    before: snapshotTables(database, options.tables ?? SEEDED_TABLES),
    cleanup: () => {
      removeLabelled(prefix);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * What the versions up to API tokens added, for the upgrades since: the dev template's idle timeout (with `template`,
 * more of its columns) and a token of the owner's.
 */
export function addTokenEraRows(
  db: Database.Database,
  ownerId: string,
  template = "idleSeconds = 7200",
): void {
  db.prepare(`UPDATE "Template" SET ${template} WHERE id = 'tpl-dev'`).run();
  db.prepare(
    `INSERT INTO "ApiToken" (id, userId, name, lookup, hash, scopes, expiresAt) VALUES ('t1', ?, 'ci', 'lk', 'h', 'workspaces:read', ?)`,
  ).run(ownerId, Date.now() + 86_400_000);
}

/** The same container runs with its data, the kept volume is there, and no other container of ours was made. */
export function expectWorkloadKept(platform: OldPlatform): void {
  expect(docker("exec", platform.containerId, "cat", "/workspace/notes.txt")).toBe("kept-through-upgrade");
  expect(docker("volume", "ls", "-q", "--filter", `name=${platform.keptVolume}`)).toBe(platform.keptVolume);
  expect(
    execFileSync(
      "docker",
      ["ps", "-aq", "--no-trunc", "--filter", `label=${platform.prefix}.managed-by=spawner`],
      {
        encoding: "utf8",
      },
    ).trim(),
  ).toBe(platform.containerId);
}
