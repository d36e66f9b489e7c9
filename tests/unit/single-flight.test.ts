// The sampler's rounds never overlap: a run while one is in flight is skipped, none starts after stop, and stop waits
// for the one in flight.
import { describe, expect, it } from "vitest";
import { singleFlight } from "@/lib/server/single-flight";

function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe("single flight", () => {
  it("skips a run while the last one is still running, and runs again once it is done", async () => {
    let started = 0;
    let release = gate();
    const job = singleFlight(async () => {
      started += 1;
      await release.opened;
    });
    job.run();
    job.run();
    job.run();
    expect(started).toBe(1);
    release.open();
    await new Promise((resolve) => setTimeout(resolve, 0));
    release = gate();
    job.run();
    expect(started).toBe(2);
    release.open();
  });

  it("waits at stop for the run in flight, and starts none after", async () => {
    const release = gate();
    let finished = false;
    let started = 0;
    const job = singleFlight(async () => {
      started += 1;
      await release.opened;
      finished = true;
    });
    job.run();
    const stopped = job.stop();
    setTimeout(release.open, 10);
    await stopped;
    expect(finished).toBe(true);
    job.run();
    expect(started).toBe(1);
  });
});
