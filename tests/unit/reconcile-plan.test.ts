import { describe, expect, it } from "vitest";
import { backoffMs, planReconcile } from "@/lib/reconciler/plan";

const key = (workspaceId: string | null, ownerId = "u1", name = "dev") => ({ workspaceId, ownerId, name });
const row = (id: string, runtimeId: string | null, ownerId = "u1", name = "dev") => ({
  id,
  ownerId,
  name,
  runtimeId,
});
const base = {
  inFlight: new Set<string>(),
  firstSeen: new Map<string, number>(),
  now: 100_000,
  graceMs: 60_000,
};

describe("planReconcile", () => {
  it("leaves matching rows and workloads alone", () => {
    const plan = planReconcile({
      ...base,
      rows: [row("w1", "c1")],
      workloads: [{ id: "c1", key: key("w1") }],
    });
    expect(plan).toEqual({ clear: [], adopt: [], orphans: [], remove: [] });
  });

  it("clears a row whose workload is gone", () => {
    expect(planReconcile({ ...base, rows: [row("w1", "gone")], workloads: [] }).clear).toEqual(["w1"]);
  });

  it("adopts a workload labelled with the workspace id for a row that lost its runtime id (crash mid-launch)", () => {
    const plan = planReconcile({
      ...base,
      rows: [row("w1", null)],
      workloads: [{ id: "c9", key: key("w1") }],
    });
    expect(plan.adopt).toEqual([{ workspaceId: "w1", runtimeId: "c9" }]);
    expect(plan.orphans).toEqual([]);
  });

  it("never gives one workspace another's workload, even of the same owner and name", () => {
    // w2 was deleted and w1 made under the same name: the old workload's id label says it is w2's.
    const plan = planReconcile({
      ...base,
      rows: [row("w1", null)],
      workloads: [{ id: "old", key: key("w2") }],
    });
    expect(plan.adopt).toEqual([]);
    expect(plan.orphans.map((orphan) => orphan.id)).toEqual(["old"]);
  });

  it("keeps a container from before workspaces (owner and type labels only) with its migrated workspace", () => {
    const plan = planReconcile({
      ...base,
      rows: [row("w1", "legacy"), row("w2", null, "u1", "prod")],
      workloads: [
        { id: "legacy", key: key(null, "u1", "dev") },
        { id: "legacy-prod", key: key(null, "u1", "prod") },
      ],
    });
    expect(plan).toEqual({
      clear: [],
      adopt: [{ workspaceId: "w2", runtimeId: "legacy-prod" }],
      orphans: [],
      remove: [],
    });
  });

  it("does not let a row claim its runtime id's workload when the labels say it is someone else's", () => {
    const plan = planReconcile({
      ...base,
      rows: [row("w1", "c1")],
      workloads: [{ id: "c1", key: key("w9", "u9") }],
    });
    expect(plan.clear).toEqual(["w1"]);
    expect(plan.orphans.map((orphan) => orphan.id)).toEqual(["c1"]);
  });

  it("marks unclaimed labelled workloads as orphans and removes them only after the grace period", () => {
    const workloads = [
      { id: "o1", key: key("ghost", "ghost") },
      { id: "o2", key: null },
    ];
    const fresh = planReconcile({ ...base, rows: [], workloads });
    expect(fresh.orphans).toEqual([
      { id: "o1", firstSeen: 100_000 },
      { id: "o2", firstSeen: 100_000 },
    ]);
    expect(fresh.remove).toEqual([]);
    const later = planReconcile({
      ...base,
      rows: [],
      workloads,
      firstSeen: new Map([
        ["o1", 30_000],
        ["o2", 90_000],
      ]),
    });
    expect(later.remove).toEqual(["o1"]);
  });

  it("treats a second workload for one workspace as an orphan", () => {
    const plan = planReconcile({
      ...base,
      rows: [row("w1", "c1")],
      workloads: [
        { id: "c1", key: key("w1") },
        { id: "c2", key: key("w1") },
      ],
    });
    expect(plan.orphans.map((orphan) => orphan.id)).toEqual(["c2"]);
  });

  it("leaves in-flight launches alone, a slot's first launch before its row is visible included", () => {
    const plan = planReconcile({
      ...base,
      inFlight: new Set(["u1:dev", "u2:dev"]),
      rows: [row("w1", "gone")],
      workloads: [{ id: "new", key: key("w-not-yet-visible", "u2", "dev") }],
      firstSeen: new Map([["new", 0]]),
    });
    expect(plan).toEqual({ clear: [], adopt: [], orphans: [], remove: [] });
  });
});

describe("backoffMs", () => {
  it("doubles from half a second and caps at thirty", () => {
    expect([1, 2, 3, 4, 10, 50].map(backoffMs)).toEqual([500, 1000, 2000, 4000, 30_000, 30_000]);
  });
});
