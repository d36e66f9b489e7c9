// Polling for a condition the test can't be told about: resolves once check() holds, throws after withinMs.
export async function until(check: () => boolean, withinMs: number, what: string): Promise<void> {
  for (const deadline = Date.now() + withinMs; !check(); ) {
    if (Date.now() > deadline) throw new Error(`${what} within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Polls an async check until it gives a value (undefined: not yet; a throw: not yet, remembered for the message). */
export async function eventually<T>(
  what: string,
  withinMs: number,
  check: () => Promise<T | undefined>,
  everyMs = 100,
): Promise<T> {
  let last: unknown;
  for (const deadline = Date.now() + withinMs; Date.now() < deadline; ) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`${what} within ${withinMs} ms${last ? ` (last error: ${last})` : ""}`);
}
