// Upgrading to the stats-history version loses nothing: a database as the template-volume version left it — an
// admin, a user with a session, an admin-edited template with a volume driver, audit history, an API token, a running
// workspace with data on its volume, a kept volume and a sealed secret — is migrated in place. Every row keeps every
// value, the history's three tables are there with their columns and indexes, the same container is opened (not
// re-created) with its data, and the sampler starts recording it.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import {
  addTokenEraRows,
  expectWorkloadKept,
  type OldPlatform,
  oldPlatform,
  SEEDED_TABLES,
} from "../support/old-platform";
import { getAs, migrateKeepingRows } from "../support/old-workloads";
import { eventually } from "../support/wait";
import { testSettings } from "./setup-env";

let app: AppServer | undefined;
let platform: OldPlatform;

beforeAll(() => {
  platform = oldPlatform({
    name: "stsup",
    lastBefore: "20261206000000_template_volume",
    image: testSettings.USER_TEMPLATE_IMAGE_DEV,
    tables: [...SEEDED_TABLES, "ApiToken"],
    lastUsedAt: Date.now(),
    // What the versions since the admin one added: an idle timeout, a volume driver, a token of the owner's.
    extra: (db, { ada }) =>
      addTokenEraRows(
        db,
        ada.id,
        "idleSeconds = 7200, volumeDriver = 'local', volumeOptions = '{}', volumeShared = 0",
      ),
  });
});

afterAll(async () => {
  await app?.stop();
  platform?.cleanup();
});

/** The migrated database's columns and indexes of a table, as SQLite holds them. */
const shapeOf = (table: string) => {
  const db = new Database(platform.database, { readonly: true });
  try {
    const exists = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
      (column) => column.name,
    );
    const indexes = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?`).all(table) as {
        name: string;
      }[]
    ).map((index) => index.name);
    return { exists: Boolean(exists), columns, indexes };
  } finally {
    db.close();
  }
};

const historyRows = (table: "StatsPoint" | "StatsRollup", workspaceId: string) => {
  const db = new Database(platform.database, { readonly: true });
  try {
    return (
      db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE workspaceId = ?`).get(workspaceId) as {
        n: number;
      }
    ).n;
  } finally {
    db.close();
  }
};

describe("upgrading a database made before the stats history", () => {
  it("keeps every row and value, and adds the history tables with their columns and indexes", () => {
    const after = migrateKeepingRows(platform.database, platform.before);
    expect(after.Workspace?.length).toBeGreaterThan(0);
    const values = ["cpuPercent", "memoryBytes", "netRxBytesPerSec", "netTxBytesPerSec"];
    const point = shapeOf("StatsPoint");
    expect(point.exists).toBe(true);
    expect(point.columns).toEqual(
      expect.arrayContaining(["id", "workspaceId", "at", "memoryLimitBytes", ...values]),
    );
    expect(point.indexes).toEqual(
      expect.arrayContaining(["StatsPoint_workspaceId_at_idx", "StatsPoint_at_idx"]),
    );
    const rollup = shapeOf("StatsRollup");
    expect(rollup.exists).toBe(true);
    expect(rollup.columns).toEqual(
      expect.arrayContaining([
        "id",
        "workspaceId",
        "bucket",
        "samples",
        "cpuPercentMax",
        "memoryLimitBytes",
        ...values,
      ]),
    );
    expect(rollup.indexes).toEqual(
      expect.arrayContaining(["StatsRollup_workspaceId_bucket_key", "StatsRollup_bucket_idx"]),
    );
    const platformTotals = shapeOf("StatsPlatformRollup");
    expect(platformTotals.exists).toBe(true);
    expect(platformTotals.columns).toEqual(expect.arrayContaining(["bucket", "workspaces", ...values]));
    // The bucket is its primary key (SQLite's own index of it), and no per-workspace limit is summed.
    expect(platformTotals.indexes).toEqual(["sqlite_autoindex_StatsPlatformRollup_1"]);
    expect(platformTotals.columns).not.toContain("memoryLimitBytes");
  });

  it("opens the same running container with its data, and the sampler records it", async () => {
    app = await startAppServer({
      ...testSettings,
      DATABASE_URL: `file:${platform.database}`,
      LABEL_PREFIX: platform.prefix,
      STATS_SAMPLE_INTERVAL_S: "1",
    });
    const opened = await fetch(`${app.url}/api/workspaces/${platform.workspaceId}/start`, {
      method: "POST",
      headers: { cookie: platform.ada.cookie },
    });
    expect(opened.status).toBe(200);
    expect((await opened.json()).container_id).toBe(platform.containerId);
    await eventually("a point of the old workspace", 20_000, async () =>
      historyRows("StatsPoint", platform.workspaceId) > 0 ? true : undefined,
    );
    const history = JSON.parse(
      (await getAs(`${app.url}/api/v1/workspaces/${platform.workspaceId}/stats/history`, platform.ada.cookie))
        .text,
    );
    expect(history.points.length).toBeGreaterThan(0);
    expectWorkloadKept(platform);
  }, 60_000);
});
