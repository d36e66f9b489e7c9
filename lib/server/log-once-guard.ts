// The background loops' failure log (stats sampler, activity and culler, audit pruning): a job that fails is logged
// once per distinct failure, with what failed, and once more when it works again, so a broken database or engine is
// seen without flooding the log.

/** Runs a job of `what` under `[tag]`; resolves false when it failed (never rejects). */
export type LogOnceGuard = (what: string, job: () => Promise<void>) => Promise<boolean>;

export function logOnceGuard(tag: string): LogOnceGuard {
  const failures = new Map<string, string>();
  return async (what, job) => {
    try {
      await job();
      if (failures.get(what)) console.info(`[${tag}] ${what} works again`);
      failures.delete(what);
      return true;
    } catch (error) {
      const message = (error as Error)?.message ?? String(error);
      if (failures.get(what) !== message)
        console.error(`[${tag}] ${what} failed (will try again): ${message}`);
      failures.set(what, message);
      return false;
    }
  };
}
