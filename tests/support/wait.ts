// Polling for a condition the test can't be told about: resolves once check() holds, throws after withinMs.
export async function until(check: () => boolean, withinMs: number, what: string): Promise<void> {
  for (const deadline = Date.now() + withinMs; !check(); ) {
    if (Date.now() > deadline) throw new Error(`${what} within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
