import { describe, expect, it } from "vitest";
import { backoffMs, planReconcile } from "@/lib/reconciler/plan";

const owner = (userId: string, type = "dev") => ({ userId, type });
const base = {
  inFlight: new Set<string>(),
  firstSeen: new Map<string, number>(),
  now: 100_000,
  graceMs: 60_000,
};

describe("planReconcile", () => {
  it("leaves matching rows and containers alone", () => {
    const plan = planReconcile({
      ...base,
      rows: [{ userId: "u1", containerType: "dev", containerId: "c1" }],
      containers: [{ id: "c1", owner: owner("u1") }],
    });
    expect(plan).toEqual({ clear: [], adopt: [], orphans: [], remove: [] });
  });

  it("clears a row whose container is gone", () => {
    const plan = planReconcile({
      ...base,
      rows: [{ userId: "u1", containerType: "dev", containerId: "gone" }],
      containers: [],
    });
    expect(plan.clear).toEqual([{ userId: "u1", containerType: "dev" }]);
  });

  it("adopts a labelled container for a row that lost its id (crash between create and row update)", () => {
    const plan = planReconcile({
      ...base,
      rows: [{ userId: "u1", containerType: "dev", containerId: null }],
      containers: [{ id: "c9", owner: owner("u1") }],
    });
    expect(plan.adopt).toEqual([{ userId: "u1", containerType: "dev", containerId: "c9" }]);
    expect(plan.orphans).toEqual([]);
  });

  it("marks unclaimed labelled containers as orphans and removes them only after the grace period", () => {
    const containers = [
      { id: "o1", owner: owner("ghost") },
      { id: "o2", owner: null },
    ];
    const fresh = planReconcile({ ...base, rows: [], containers });
    expect(fresh.orphans).toEqual([
      { id: "o1", firstSeen: 100_000 },
      { id: "o2", firstSeen: 100_000 },
    ]);
    expect(fresh.remove).toEqual([]);
    const later = planReconcile({
      ...base,
      rows: [],
      containers,
      firstSeen: new Map([
        ["o1", 30_000],
        ["o2", 90_000],
      ]),
    });
    expect(later.remove).toEqual(["o1"]);
  });

  it("treats a second container for one slot as an orphan", () => {
    const plan = planReconcile({
      ...base,
      rows: [{ userId: "u1", containerType: "dev", containerId: "c1" }],
      containers: [
        { id: "c1", owner: owner("u1") },
        { id: "c2", owner: owner("u1") },
      ],
    });
    expect(plan.orphans.map((orphan) => orphan.id)).toEqual(["c2"]);
  });

  it("leaves in-flight launches alone", () => {
    const plan = planReconcile({
      ...base,
      inFlight: new Set(["u1:dev", "u2:dev"]),
      rows: [{ userId: "u1", containerType: "dev", containerId: "gone" }],
      containers: [{ id: "new", owner: owner("u2") }],
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
