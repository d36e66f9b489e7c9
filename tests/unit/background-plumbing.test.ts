// The background loops' shared plumbing: a failure is logged once per distinct message and once more when the job
// works again; retention deletes go a bounded batch at a time until a batch comes back short.
import { afterEach, describe, expect, it, vi } from "vitest";
import { deleteInBatches } from "@/lib/server/delete-in-batches";
import { logOnceGuard } from "@/lib/server/log-once-guard";

afterEach(() => vi.restoreAllMocks());

describe("logOnceGuard", () => {
  it("logs a failure once until its message changes, and that it works again", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const infos = vi.spyOn(console, "info").mockImplementation(() => {});
    const guard = logOnceGuard("test");
    const fail = (message: string) => () => Promise.reject(new Error(message));
    expect(await guard("pruning", fail("disk full"))).toBe(false);
    expect(await guard("pruning", fail("disk full"))).toBe(false);
    expect(await guard("pruning", fail("locked"))).toBe(false);
    expect(await guard("pruning", async () => {})).toBe(true);
    expect(await guard("pruning", async () => {})).toBe(true);
    expect(errors.mock.calls.map((call) => call[0])).toEqual([
      "[test] pruning failed (will try again): disk full",
      "[test] pruning failed (will try again): locked",
    ]);
    expect(infos.mock.calls.map((call) => call[0])).toEqual(["[test] pruning works again"]);
  });
});

describe("deleteInBatches", () => {
  it("deletes a batch at a time and stops at a short batch", async () => {
    let left = Array.from({ length: 7 }, (_, i) => i);
    const takes: number[] = [];
    const removed = await deleteInBatches({
      batchSize: 3,
      find: async (take) => {
        takes.push(take);
        return left.slice(0, take).map((id) => ({ id }));
      },
      remove: async (ids) => {
        left = left.filter((id) => !ids.includes(id));
        return { count: ids.length };
      },
    });
    expect(removed).toBe(7);
    expect(left).toEqual([]);
    expect(takes).toEqual([3, 3, 3]);
  });
});
