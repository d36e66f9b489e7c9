// One stats sampler per process: a second start (a dev reload, another copy of the module) gets the running one, so
// rounds are not doubled; a stopped one can be started afresh; and a pass whose rollup failed keeps the raw points.
import { afterEach, describe, expect, it } from "vitest";
import type { SamplerWork, StatsSampler } from "@/lib/stats/stats-sampler";
import { startStatsSampler } from "@/lib/stats/stats-sampler";

const LONG_MS = 3_600_000;
const started: StatsSampler[] = [];

/** A stand-in for the engine and the database: rounds write a point each, the rollup may fail, pruning drops points. */
function fakeWork({ rollUpFails = false } = {}) {
  const store = { points: 0, rounds: 0, rollUps: 0 };
  const work: SamplerWork = {
    sampleRound: async () => {
      store.rounds += 1;
      store.points += 1;
      return { readings: new Map() };
    },
    rollUpStats: async () => {
      store.rollUps += 1;
      if (rollUpFails) throw new Error("database is locked");
    },
    pruneStats: async ({ points }) => {
      const pruned = points ? store.points : 0;
      store.points -= pruned;
      return { points: pruned, rollups: 0 };
    },
  };
  return { store, work };
}

function start(work: SamplerWork): StatsSampler {
  const sampler = startStatsSampler({ intervalMs: LONG_MS, maintenanceMs: LONG_MS, work });
  started.push(sampler);
  return sampler;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

afterEach(async () => {
  await Promise.all(started.splice(0).map((sampler) => sampler.stop()));
});

describe("the stats sampler", () => {
  it("is one per process: a second start returns the running sampler and runs no second loop", async () => {
    const first = fakeWork();
    const second = fakeWork();
    const a = start(first.work);
    const b = start(second.work);
    await settle();
    expect(b).toBe(a);
    expect(first.store.rounds).toBe(1);
    expect(first.store.rollUps).toBe(1);
    expect(second.store.rounds + second.store.rollUps).toBe(0);
  });

  it("starts afresh once stopped", async () => {
    const first = fakeWork();
    const a = start(first.work);
    await a.stop();
    const second = fakeWork();
    const b = start(second.work);
    await settle();
    expect(b).not.toBe(a);
    expect(second.store.rounds).toBe(1);
  });

  it("keeps the raw points when the rollup failed, and prunes them after one that worked", async () => {
    const failing = fakeWork({ rollUpFails: true });
    await start(failing.work).stop();
    expect(failing.store.rollUps).toBe(1);
    expect(failing.store.points).toBe(1);
    const working = fakeWork();
    await start(working.work).stop();
    expect(working.store.points).toBe(0);
  });
});
