// Refusals anyone can cause without signing in (a rate-limited magic-link request) are recorded once per key and
// window, not once per request: the history shows the hammering, and a flood can't fill the disk with it.
const WINDOW_MS = 10 * 60_000;
const MAX_KEYS = 10_000;

const store = globalThis as unknown as { spawnerAuditOnce?: Map<string, number> };

/** True the first time a key is seen in a window (then false until the window has passed). */
export function firstInWindow(key: string, now = Date.now()): boolean {
  store.spawnerAuditOnce ??= new Map();
  const seen = store.spawnerAuditOnce;
  const last = seen.get(key);
  if (last !== undefined && now - last < WINDOW_MS) return false;
  if (seen.size >= MAX_KEYS)
    for (const [old, at] of seen) if (now - at >= WINDOW_MS || seen.size >= MAX_KEYS) seen.delete(old);
  seen.set(key, now);
  return true;
}
