// One run at a time of a background job (the stats sampler's rounds, the culler's passes): a call while the last is
// still running is skipped, not queued (a slow engine must not pile runs up), none starts once stopped, and stop waits
// for the one in flight.
export function singleFlight(work: () => Promise<void>): { run: () => void; stop: () => Promise<void> } {
  let current: Promise<void> | undefined;
  let stopped = false;
  return {
    run: () => {
      if (current || stopped) return;
      current = work().finally(() => {
        current = undefined;
      });
    },
    stop: async () => {
      stopped = true;
      await current;
    },
  };
}
