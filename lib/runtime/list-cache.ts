// Listing every managed workload is one engine call that grows with their number (150–220 ms for 1,000 on this
// machine's engine), and the admin views need it on every page. This keeps the last list of a selector while nothing
// can have changed: every change this process makes through the runtime drops it (lib/runtime/get-runtime.ts), and
// so does every workload event the events stream delivers (other processes' changes, the engine's own restarts);
// without a live events stream nothing is kept. A list older than MAX_AGE_MS is read again anyway.
import type { LabelSelector, Runtime, Workload } from "@/lib/runtime/runtime";

const MAX_AGE_MS = 15_000;

type State = {
  live: boolean;
  generation: number;
  entries: Map<string, { list: Workload[]; at: number }>;
  inflight: Map<string, Promise<Workload[]>>;
};

// On globalThis: route handlers, pages and the reconciler may load separate copies of this module.
const store = globalThis as unknown as { spawnerListCache?: State };

function state(): State {
  store.spawnerListCache ??= { live: false, generation: 0, entries: new Map(), inflight: new Map() };
  return store.spawnerListCache;
}

/** Something may have changed: the next list asks the engine. */
export function invalidateLists(): void {
  const cache = state();
  cache.generation += 1;
  cache.entries.clear();
}

/** Whether an events stream is delivering every change now (only then are lists kept). */
export function setEventsLive(live: boolean): void {
  state().live = live;
  invalidateLists();
}

export function listCached(runtime: Runtime, selector: LabelSelector, now = Date.now): Promise<Workload[]> {
  const cache = state();
  if (!cache.live) return runtime.list(selector);
  const key = JSON.stringify(Object.entries(selector).sort());
  const hit = cache.entries.get(key);
  if (hit && now() - hit.at < MAX_AGE_MS) return Promise.resolve(hit.list);
  // Requests at the same time share one engine call, but never one begun before the last change.
  const generation = cache.generation;
  const flight = `${generation}:${key}`;
  const running = cache.inflight.get(flight);
  if (running) return running;
  const promise = runtime
    .list(selector)
    .then((list) => {
      if (cache.generation === generation && cache.live) cache.entries.set(key, { list, at: now() });
      return list;
    })
    .finally(() => cache.inflight.delete(flight));
  cache.inflight.set(flight, promise);
  return promise;
}
