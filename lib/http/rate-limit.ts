// API rate limits in sliding windows: per API token, and per client address for calls without a valid token or
// session. In memory (one app process per database, as documented): the accepted requests' times per key; a
// refused request doesn't count, so the window frees up on schedule however hard a client retries.
export type RatePolicy = { name: "token" | "anonymous"; limit: number; windowMs: number };

export type RateDecision = {
  allowed: boolean;
  policy: RatePolicy;
  remaining: number;
  /** Seconds until the oldest request in the window leaves it (one more is let through; Retry-After when full). */
  resetSeconds: number;
};

const MAX_KEYS = 50_000;
const store = globalThis as unknown as { spawnerRateLimits?: Map<string, number[]> };

/** Counts one request for `key` under `policy`, unless the window is full. */
export function takeRequest(key: string, policy: RatePolicy, now = Date.now()): RateDecision {
  store.spawnerRateLimits ??= new Map();
  const keys = store.spawnerRateLimits;
  const since = now - policy.windowMs;
  const times = (keys.get(key) ?? []).filter((time) => time > since);
  const allowed = times.length < policy.limit;
  if (allowed) times.push(now);
  if (!keys.has(key) && keys.size >= MAX_KEYS) forgetQuiet(keys, since);
  keys.set(key, times);
  const oldest = times[0] ?? now;
  return {
    allowed,
    policy,
    remaining: Math.max(0, policy.limit - times.length),
    resetSeconds: secondsUntil(oldest + policy.windowMs, now),
  };
}

function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/** Past MAX_KEYS (a flood of addresses), keys with nothing in their window go first, then the oldest. */
function forgetQuiet(keys: Map<string, number[]>, since: number): void {
  for (const [key, times] of keys) if ((times.at(-1) ?? 0) <= since) keys.delete(key);
  for (const key of keys.keys()) {
    if (keys.size < MAX_KEYS) break;
    keys.delete(key);
  }
}

/**
 * The IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers): the policy (quota q in window w seconds) and
 * what is left of it (r) with the seconds until more is (t).
 */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  const { policy } = decision;
  const headers: Record<string, string> = {
    "RateLimit-Policy": `"${policy.name}";q=${policy.limit};w=${Math.round(policy.windowMs / 1000)}`,
    RateLimit: `"${policy.name}";r=${decision.remaining};t=${decision.resetSeconds}`,
  };
  if (!decision.allowed) headers["Retry-After"] = String(decision.resetSeconds);
  return headers;
}
