// API rate limits in sliding windows: per API token, and per client address for calls without a valid token or
// session. In memory (one app process per database, as documented): the accepted requests' times per key, oldest
// first; a refused request doesn't count, so the window frees up on schedule however hard a client retries. Each
// policy has its own table, least recently used first, bounded: a flood of addresses can only push out quiet
// addresses, never a token's window.
/** token: per API token; anonymous: per address, calls without a credential; failed: per address, credentials that
 * were not valid (kept apart, so others' anonymous calls from a shared address never lock out a valid token). */
export type RatePolicy = { name: "token" | "anonymous" | "failed"; limit: number; windowMs: number };

export type RateDecision = {
  allowed: boolean;
  policy: RatePolicy;
  remaining: number;
  /** Seconds until the oldest request in the window leaves it (one more is let through; Retry-After when full). */
  resetSeconds: number;
};

const MAX_KEYS: Record<RatePolicy["name"], number> = { token: 100_000, anonymous: 20_000, failed: 20_000 };
const store = globalThis as unknown as {
  spawnerRateLimits?: Record<RatePolicy["name"], Map<string, number[]>>;
};

function table(policy: RatePolicy): Map<string, number[]> {
  store.spawnerRateLimits ??= { token: new Map(), anonymous: new Map(), failed: new Map() };
  return store.spawnerRateLimits[policy.name];
}

/** The key's times still in the window (older ones dropped), moved to the most recently used end. */
function timesOf(keys: Map<string, number[]>, key: string, since: number, max: number): number[] {
  const times = keys.get(key) ?? [];
  let old = 0;
  while (old < times.length && (times[old] ?? 0) <= since) old += 1;
  if (old > 0) times.splice(0, old);
  keys.delete(key);
  for (const quiet of keys.keys()) {
    if (keys.size < max) break;
    keys.delete(quiet);
  }
  keys.set(key, times);
  return times;
}

function decision(times: number[], policy: RatePolicy, allowed: boolean, now: number): RateDecision {
  const oldest = times[0] ?? now;
  return {
    allowed,
    policy,
    remaining: Math.max(0, policy.limit - times.length),
    resetSeconds: Math.max(1, Math.ceil((oldest + policy.windowMs - now) / 1000)),
  };
}

/** Counts one request for `key` under `policy`, unless the window is full. */
export function takeRequest(key: string, policy: RatePolicy, now = Date.now()): RateDecision {
  const times = timesOf(table(policy), key, now - policy.windowMs, MAX_KEYS[policy.name]);
  const allowed = times.length < policy.limit;
  if (allowed) times.push(now);
  return decision(times, policy, allowed, now);
}

/** Whether `key` has room for one more under `policy`, counting nothing (a credential is checked only then). */
export function peekRequest(key: string, policy: RatePolicy, now = Date.now()): RateDecision {
  const times = timesOf(table(policy), key, now - policy.windowMs, MAX_KEYS[policy.name]);
  return decision(times, policy, times.length < policy.limit, now);
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
