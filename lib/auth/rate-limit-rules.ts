// Magic-link limits: per address and per client IP, in sliding windows.
export type RateLimitRule = { key: "email" | "ip"; limit: number; windowMs: number; message: string };

export const SIGN_IN_RULES: readonly RateLimitRule[] = [
  {
    key: "email",
    limit: 3,
    windowMs: 10 * 60_000,
    message:
      "Too many sign-in links were requested for this address. Please wait a few minutes and try again.",
  },
  {
    key: "ip",
    limit: 20,
    windowMs: 60 * 60_000,
    message: "Too many sign-in links were requested from your network. Please try again later.",
  },
];

export type RateLimitDecision =
  | { allowed: true }
  | { allowed: false; message: string; retryAfterSeconds: number };

/**
 * Decides one request given the times of earlier requests (including this one) per rule.
 * `hits` must hold the timestamps (ms) of accepted requests for that rule's key, oldest first.
 */
export function decideRateLimit(
  rules: readonly RateLimitRule[],
  hits: Record<RateLimitRule["key"], number[]>,
  now: number,
): RateLimitDecision {
  for (const rule of rules) {
    const inWindow = hits[rule.key].filter((time) => time > now - rule.windowMs);
    if (inWindow.length > rule.limit) {
      const oldest = inWindow[inWindow.length - rule.limit - 1] ?? now;
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest + rule.windowMs - now) / 1000));
      return { allowed: false, message: rule.message, retryAfterSeconds };
    }
  }
  return { allowed: true };
}
