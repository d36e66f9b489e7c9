// The admin workspace list's pure parts: matching many rows to one workload list, uptime from Docker's list text,
// CPU % from two readings, the query schema and its links, the bulk schema, and the orders.
import { describe, expect, it } from "vitest";
import { formatUptime } from "@/components/admin/workspaces/format-uptime";
import type { AdminWorkspaceEntry } from "@/lib/admin/matching-workspaces";
import { sortWorkspaces } from "@/lib/admin/sort-workspaces";
import { cpuPercentBetween } from "@/lib/admin/usage-math";
import { startedFromStatus } from "@/lib/runtime/docker/to-workload";
import type { Workload } from "@/lib/runtime/runtime";
import {
  adminWorkspaceQuerySchema,
  bulkWorkspacesSchema,
  queryToSearch,
} from "@/lib/validations/admin-workspaces";
import { workloadLabels } from "@/lib/workspaces/labels";
import { workloadIndex, workloadOf } from "@/lib/workspaces/match-workloads";

const PREFIX = "t";

function workload(id: string, labels: Record<string, string>): Workload {
  return { id, name: id, image: "i", state: "running", endpoints: [], labels, createdAt: new Date(0) };
}
const labelled = (workspaceId: string, ownerId: string, name: string) =>
  workloadLabels(PREFIX, { workspaceId, ownerId, name, template: "dev", slug: "s" });
const legacy = (ownerId: string, type: string) => ({
  [`${PREFIX}.managed-by`]: "spawner",
  [`${PREFIX}.owner-id`]: ownerId,
  [`${PREFIX}.type`]: type,
});

describe("workloadIndex", () => {
  it("picks the same workload as workloadOf for every row", () => {
    const workloads = [
      workload("c1", labelled("w1", "u1", "dev")),
      workload("c2", labelled("w1", "u1", "dev")),
      workload("c3", legacy("u2", "dev")),
      workload("c4", labelled("w3", "u3", "x")),
      workload("c5", { unrelated: "1" }),
      workload("c6", labelled("w4", "u4", "y")),
      workload("c7", legacy("u4", "y")),
    ];
    const rows = [
      { id: "w1", ownerId: "u1", name: "dev", runtimeId: "c2" },
      { id: "w1", ownerId: "u1", name: "dev", runtimeId: null },
      { id: "w2", ownerId: "u2", name: "dev", runtimeId: "c3" },
      { id: "w2", ownerId: "u2", name: "dev", runtimeId: "gone" },
      // Points at another workspace's workload: not its own, so the labelled one.
      { id: "w3", ownerId: "u3", name: "x", runtimeId: "c1" },
      { id: "w4", ownerId: "u4", name: "y", runtimeId: null },
      { id: "w9", ownerId: "u9", name: "z", runtimeId: "c5" },
    ];
    const index = workloadIndex(PREFIX, workloads);
    for (const row of rows)
      expect(index(row)?.id ?? null, JSON.stringify(row)).toBe(
        workloadOf(PREFIX, row, workloads)?.id ?? null,
      );
    expect(rows.map((row) => index(row)?.id ?? null)).toEqual(["c2", "c1", "c3", "c3", "c4", "c6", null]);
  });
});

describe("uptime and CPU", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  it.each([
    ["Up Less than a second", 0],
    ["Up 1 second", 1],
    ["Up 42 seconds", 42],
    ["Up About a minute", 60],
    ["Up 5 minutes (healthy)", 300],
    ["Up About an hour", 3600],
    ["Up 30 hours", 30 * 3600],
    ["Up 3 days", 3 * 86_400],
    ["Up 2 weeks (Paused)", 14 * 86_400],
  ])("reads %j as started %i s ago", (text, seconds) => {
    expect(now.getTime() - (startedFromStatus(text, now)?.getTime() ?? 0)).toBe(seconds * 1000);
  });

  it("gives no start time for a container that is not up", () => {
    expect(startedFromStatus("Exited (0) 2 minutes ago", now)).toBeUndefined();
    expect(startedFromStatus("Created", now)).toBeUndefined();
    expect(startedFromStatus(undefined, now)).toBeUndefined();
  });

  it("formats uptime with its two largest units", () => {
    expect([null, 20, 60, 3599, 3600, 3660, 86_400, 90_000].map(formatUptime)).toEqual([
      "—",
      "< 1m",
      "1m",
      "59m",
      "1h",
      "1h 1m",
      "1d",
      "1d 1h",
    ]);
  });

  it("takes CPU % from two readings of CPU time: a quarter of a CPU for 10 s is 25%", () => {
    const before = { cpuNs: 1e9, memoryBytes: 1, readAt: "2026-12-01T12:00:00.000000000Z" };
    expect(cpuPercentBetween(before, { ...before, cpuNs: 3.5e9, readAt: "2026-12-01T12:00:10Z" })).toBe(25);
    expect(cpuPercentBetween(before, { ...before, cpuNs: 21e9, readAt: "2026-12-01T12:00:10Z" })).toBe(200);
    // Restarted in between (the counter starts again), or no time passed: 0, never negative or infinite.
    expect(cpuPercentBetween(before, { ...before, cpuNs: 0, readAt: "2026-12-01T12:00:10Z" })).toBe(0);
    expect(cpuPercentBetween(before, before)).toBe(0);
  });
});

describe("the query schema", () => {
  it("gives defaults, treats empty form fields as unset and lower-cases searches", () => {
    expect(
      adminWorkspaceQuerySchema.parse({ owner: " Ada@Example.com ", name: "", status: "", template: "" }),
    ).toEqual({ owner: "ada@example.com", sort: "owner", page: 1, per_page: 50 });
  });

  it("reports every bad field at once", () => {
    const result = adminWorkspaceQuerySchema.safeParse({
      sort: "bogus",
      dir: "up",
      status: "asleep",
      page: "0",
      per_page: "1000",
      template: "../x",
      owner: "x".repeat(101),
    });
    expect(result.success).toBe(false);
    expect(new Set(result.error?.issues.map((issue) => issue.path.join(".")))).toEqual(
      new Set(["sort", "dir", "status", "page", "per_page", "template", "owner"]),
    );
  });

  it("links without the defaults, and reads back what it links", () => {
    expect(queryToSearch(adminWorkspaceQuerySchema.parse({}))).toBe("");
    const query = adminWorkspaceQuerySchema.parse({
      owner: "ada",
      status: "running",
      sort: "cpu",
      page: "3",
    });
    // cpu sorts descending first, so "desc" is left out.
    expect(queryToSearch({ ...query, dir: "desc" })).toBe("?owner=ada&status=running&sort=cpu&page=3");
    expect(queryToSearch({ ...query, dir: "asc" })).toBe("?owner=ada&status=running&sort=cpu&dir=asc&page=3");
    const search = queryToSearch({ ...query, dir: "asc" });
    expect(adminWorkspaceQuerySchema.parse(Object.fromEntries(new URLSearchParams(search)))).toEqual({
      ...query,
      dir: "asc",
    });
  });
});

describe("the bulk schema", () => {
  it("takes ids (deduplicated) or a filter, not both and not neither", () => {
    expect(bulkWorkspacesSchema.parse({ action: "stop", ids: ["a", "b", "a"] })).toEqual({
      action: "stop",
      ids: ["a", "b"],
      delete_data: false,
    });
    expect(bulkWorkspacesSchema.parse({ action: "start", filter: { status: "stopped" } }).filter).toEqual({
      status: "stopped",
    });
    expect(bulkWorkspacesSchema.safeParse({ action: "stop" }).success).toBe(false);
    expect(bulkWorkspacesSchema.safeParse({ action: "stop", ids: ["a"], filter: {} }).success).toBe(false);
    expect(bulkWorkspacesSchema.safeParse({ action: "stop", ids: [] }).success).toBe(false);
    expect(bulkWorkspacesSchema.safeParse({ action: "stop", ids: ["../etc"] }).success).toBe(false);
    expect(bulkWorkspacesSchema.safeParse({ action: "stop", filter: {}, delete_data: true }).success).toBe(
      false,
    );
  });
});

describe("sortWorkspaces", () => {
  const entry = (id: string, email: string, name: string, cpu: number | null): AdminWorkspaceEntry => ({
    row: {
      id,
      name,
      displayName: name,
      ownerId: email,
      runtimeId: null,
      createdAt: new Date(0),
      lastUsedAt: new Date(0),
      owner: { id: email, email, slug: email },
      template: { name: "dev", displayName: "Dev" },
    },
    workload: null,
    status: cpu === null ? "stopped" : "running",
    usage: cpu === null ? null : { cpuPercent: cpu, memoryBytes: 0, readAt: "" },
  });
  const entries = [
    entry("1", "b@x", "dev", 5),
    entry("2", "a@x", "prod", null),
    entry("3", "a@x", "dev", 50),
    entry("4", "c@x", "dev", 5),
  ];
  const ids = (list: AdminWorkspaceEntry[]) => list.map((item) => item.row.id);

  it("orders by a column, ties by owner and name, unread CPU last when busiest first", () => {
    expect(ids(sortWorkspaces(entries, "owner", "asc"))).toEqual(["3", "2", "1", "4"]);
    expect(ids(sortWorkspaces(entries, "cpu", "desc"))).toEqual(["3", "4", "1", "2"]);
    expect(ids(sortWorkspaces(entries, "status", "asc"))).toEqual(["3", "1", "4", "2"]);
    expect(ids(sortWorkspaces(entries, "name", "desc"))).toEqual(["2", "4", "1", "3"]);
  });
});
