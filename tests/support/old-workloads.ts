// What an earlier version left on the engine and in its database, for upgrade tests: a hardened container made the
// way that version made it (labels under a prefix, a loopback port, an optional data volume), and a snapshot of
// the tables a migration must keep row for row.
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { expect } from "vitest";
import { IT } from "./prefixes";
import { docker } from "./test-image";

export type OldWorkload = {
  prefix: string;
  name: string;
  image: string;
  /** Label keys without the prefix -> values. */
  labels: Record<string, string>;
  env?: Record<string, string>;
  /** A named volume at /workspace (versions before workspaces had none). */
  volume?: string;
  /** Any further `docker run` flags that version used (hostname, restart policy ...). */
  extra?: string[];
};

/** The prefixed `--label` flags of these label keys. */
export const labelFlags = (prefix: string, labels: Record<string, string>) =>
  Object.entries(labels).flatMap(([key, value]) => ["--label", `${prefix}.${key}=${value}`]);

/** Runs it as the old version did, on the test network (made here if missing); its container id. */
export function runOldWorkload(workload: OldWorkload): string {
  try {
    docker("network", "create", IT);
  } catch {
    // Exists.
  }
  return docker(
    "run",
    "-d",
    "--name",
    workload.name,
    ...labelFlags(workload.prefix, workload.labels),
    ...Object.entries(workload.env ?? {}).flatMap(([key, value]) => ["-e", `${key}=${value}`]),
    "--network",
    IT,
    "-p",
    "127.0.0.1::8080",
    "--init",
    "--cap-drop",
    "ALL",
    "--security-opt",
    "no-new-privileges:true",
    "--memory",
    "64m",
    ...(workload.volume ? ["-v", `${workload.volume}:/workspace`] : []),
    ...(workload.extra ?? []),
    workload.image,
  );
}

/** Every row of these tables, in insertion order: what a migration must keep. */
export function snapshotTables(database: string, tables: readonly string[]) {
  const db = new Database(database, { readonly: true });
  try {
    return Object.fromEntries(
      tables.map((table) => [
        table,
        db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[],
      ]),
    );
  } finally {
    db.close();
  }
}

/** A GET as a signed-in user, redirects not followed. */
export async function getAs(url: string, cookie: string) {
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  return { status: response.status, text: await response.text() };
}

/**
 * Migrates the database with every migration of this version and checks that each table kept each row with every
 * value it had (new columns aside); the tables after.
 */
export function migrateKeepingRows(database: string, before: Record<string, Record<string, unknown>[]>) {
  const result = spawnSync(process.execPath, ["scripts/migrate.mjs"], {
    env: { ...process.env, DATABASE_URL: `file:${database}` },
    encoding: "utf8",
  });
  expect(result.status, result.stderr).toBe(0);
  const after = snapshotTables(database, Object.keys(before));
  for (const [table, rows] of Object.entries(before)) {
    expect(after[table]?.length, table).toBe(rows.length);
    for (const [index, row] of rows.entries()) expect(after[table]?.[index], table).toMatchObject(row);
  }
  return after;
}

/** A sealed secret file of the workspace and a kept volume of its owner, as that version stored them. */
export function insertSecretAndKeptVolume(
  db: Database.Database,
  {
    workspaceId,
    ownerId,
    keptVolume,
    now,
  }: { workspaceId: string; ownerId: string; keptVolume: string; now: number },
): void {
  db.prepare(
    `INSERT INTO "WorkspaceSecret" (id, workspaceId, kind, path, size, sealed, createdAt, updatedAt) VALUES ('s1', ?, 'file', '~/.netrc', 12, 'v1.sealed-bytes', ?, ?)`,
  ).run(workspaceId, now, now);
  db.prepare(
    `INSERT INTO "KeptVolume" (id, ownerId, volumeName, workspaceName, templateName, keptAt) VALUES ('k1', ?, ?, 'old', 'dev', ?)`,
  ).run(ownerId, keptVolume, now);
}

/**
 * A dev workspace's workload as the versions with workspaces made it: its labelled data volume at /workspace with a
 * file on it ("kept-through-upgrade" in notes.txt), a kept volume of the same owner, and the running container.
 */
export function runOldDevWorkspace({
  prefix,
  image,
  owner,
  workspaceId,
  volume,
  keptVolume,
}: {
  prefix: string;
  image: string;
  owner: { id: string; slug: string };
  workspaceId: string;
  volume: string;
  keptVolume: string;
}): { containerId: string; name: string } {
  const keptLabels = { "managed-by": "spawner", "owner-id": owner.id };
  const volumeLabels = { ...keptLabels, "workspace-id": workspaceId };
  docker("volume", "create", ...labelFlags(prefix, volumeLabels), volume);
  docker("volume", "create", ...labelFlags(prefix, keptLabels), keptVolume);
  const name = `ws-${owner.slug}-dev-${workspaceId}`;
  const containerId = runOldWorkload({
    prefix,
    name,
    image,
    labels: { ...volumeLabels, workspace: "dev", template: "dev", slug: owner.slug },
    env: { WORKSPACE_ID: workspaceId },
    volume,
  });
  docker("exec", containerId, "sh", "-c", "echo kept-through-upgrade > /workspace/notes.txt");
  return { containerId, name };
}

/** The dev workspace's row for runOldDevWorkspace's workload, as the versions since admin stored it (made from
 * template version 1, last used `lastUsedAt`). */
export function insertOldDevRow(
  db: Database.Database,
  row: {
    workspaceId: string;
    owner: { id: string; slug: string };
    containerId: string;
    name: string;
    volume: string;
    image: string;
    lastUsedAt: number;
  },
): void {
  db.prepare(
    `INSERT INTO "Workspace" (id, ownerId, name, displayName, templateId, settings, routeKey, hostKey, runtimeId, workloadName, volumeName, image, templateVersion, apps, createdAt, lastUsedAt)
     VALUES (?, ?, 'dev', 'Development', 'tpl-dev', '{"env":[{"key":"GREETING","value":"hi"}]}', ?, ?, ?, ?, ?, ?, 1, '[{"name":"web","port":8080,"primary":true}]', ?, ?)`,
  ).run(
    row.workspaceId,
    row.owner.id,
    `${row.owner.slug}-dev`,
    `${row.owner.slug}-dev`,
    row.containerId,
    row.name,
    row.volume,
    row.image,
    row.lastUsedAt,
    row.lastUsedAt,
  );
}

/**
 * What the upgrade tests since the admin version start from, in a database `db` of that version: an admin, the dev
 * template as an admin edited it (version 2, small limits), an audit event, and `owner`'s running dev workspace
 * (runOldDevWorkspace: data on its volume, a kept volume, a sealed secret) last used at `lastUsedAt`.
 */
export function seedOldPlatform(
  db: Database.Database,
  seed: {
    prefix: string;
    image: string;
    admin: { id: string };
    owner: { id: string; slug: string; email: string };
    workspaceId: string;
    volume: string;
    keptVolume: string;
    lastUsedAt: number;
  },
): { containerId: string } {
  const now = Date.now();
  db.prepare(`UPDATE "User" SET role = 'ADMIN' WHERE id = ?`).run(seed.admin.id);
  // The workspace is built from version 1 of the template an admin then edited.
  db.prepare(
    `UPDATE "Template" SET image = ?, defaultMemoryMb = 64, defaultCpus = 0.5, defaultPids = 64, version = 2, editedAt = ?, updatedAt = ? WHERE id = 'tpl-dev'`,
  ).run(seed.image, now, now);
  db.prepare(
    `INSERT INTO "AuditEvent" (at, actorId, actorEmail, via, action, targetType, targetId, outcome, details) VALUES (?, ?, ?, 'session', 'workspace.launch', 'workspace', ?, 'ok', '{}')`,
  ).run(now, seed.owner.id, seed.owner.email, seed.workspaceId);
  const { containerId, name } = runOldDevWorkspace(seed);
  insertOldDevRow(db, { ...seed, containerId, name });
  insertSecretAndKeptVolume(db, {
    workspaceId: seed.workspaceId,
    ownerId: seed.owner.id,
    keptVolume: seed.keptVolume,
    now,
  });
  return { containerId };
}
