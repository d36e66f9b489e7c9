// Single-flight launches: concurrent launches of one workspace share one promise in this process.
// On globalThis: route handlers and server actions may load separate copies of this module.
const store = globalThis as unknown as { spawnerInFlight?: Map<string, Promise<unknown>> };
store.spawnerInFlight ??= new Map();
const inFlight = store.spawnerInFlight;

/** Owner and name identify a workspace before its row exists (a dev or prod slot's first launch). */
export const launchKey = (ownerId: string, name: string) => `${ownerId}:${name}`;

export function singleFlight<T>(key: string, work: () => Promise<T>): Promise<T> {
  const running = inFlight.get(key);
  if (running) return running as Promise<T>;
  const promise = work().finally(() => inFlight.delete(key));
  inFlight.set(key, promise);
  return promise;
}

export function isInFlight(key: string): boolean {
  return inFlight.has(key);
}

export function inFlightKeys(): ReadonlySet<string> {
  return new Set(inFlight.keys());
}
