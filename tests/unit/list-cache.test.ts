// The kept workload lists: only while an events stream is live, dropped by every change, never filled by a read
// begun before the last change, shared by reads at the same time, read again after their maximum age.
import { beforeEach, describe, expect, it } from "vitest";
import { invalidateLists, listCached, setEventsLive } from "@/lib/runtime/list-cache";
import type { Runtime, Workload } from "@/lib/runtime/runtime";

function countingRuntime() {
  const calls: ((list: Workload[]) => void)[] = [];
  const runtime = {
    list: () => new Promise<Workload[]>((resolve) => calls.push(resolve)),
  } as unknown as Runtime;
  const answer = (index: number, name: string) => calls[index]?.([{ id: name, name } as unknown as Workload]);
  return { runtime, calls, answer };
}
const selector = { "spawner.managed-by": "spawner" };

beforeEach(() => setEventsLive(false));

describe("list cache", () => {
  it("keeps nothing without a live events stream", async () => {
    const { runtime, calls, answer } = countingRuntime();
    const first = listCached(runtime, selector);
    answer(0, "a");
    await first;
    const second = listCached(runtime, selector);
    expect(calls).toHaveLength(2);
    answer(1, "b");
    expect((await second)[0]?.id).toBe("b");
  });

  it("keeps a list while live, shares reads at the same time, and drops it on a change", async () => {
    setEventsLive(true);
    const { runtime, calls, answer } = countingRuntime();
    const one = listCached(runtime, selector);
    const two = listCached(runtime, selector);
    expect(calls).toHaveLength(1);
    answer(0, "a");
    expect((await one)[0]?.id).toBe("a");
    expect((await two)[0]?.id).toBe("a");
    expect((await listCached(runtime, selector))[0]?.id).toBe("a");
    expect(calls).toHaveLength(1);
    invalidateLists();
    const three = listCached(runtime, selector);
    expect(calls).toHaveLength(2);
    answer(1, "b");
    expect((await three)[0]?.id).toBe("b");
  });

  it("never keeps (nor shares) a read begun before the last change", async () => {
    setEventsLive(true);
    const { runtime, calls, answer } = countingRuntime();
    const before = listCached(runtime, selector);
    invalidateLists();
    const after = listCached(runtime, selector);
    expect(calls).toHaveLength(2);
    answer(0, "old");
    answer(1, "new");
    expect((await before)[0]?.id).toBe("old");
    expect((await after)[0]?.id).toBe("new");
    const again = listCached(runtime, selector);
    expect(calls).toHaveLength(2);
    expect((await again)[0]?.id).toBe("new");
  });

  it("reads again once the kept list is older than its maximum age", async () => {
    setEventsLive(true);
    const { runtime, calls, answer } = countingRuntime();
    let now = 1_000_000;
    const first = listCached(runtime, selector, () => now);
    answer(0, "a");
    await first;
    now += 14_000;
    await listCached(runtime, selector, () => now);
    expect(calls).toHaveLength(1);
    now += 2_000;
    void listCached(runtime, selector, () => now);
    expect(calls).toHaveLength(2);
  });
});
