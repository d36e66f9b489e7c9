// The client's address from X-Forwarded-For, trusting only the proxies we run.
/**
 * Each trusted proxy appends the address it saw, so with N trusted proxies the N-th entry from the
 * right is the client. With none, Next.js fills the header with the socket address only when the
 * client sent none, so the rightmost entry is the best there is.
 */
export function clientIp(forwardedFor: string | null, trustedProxyHops: number): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const index = entries.length - Math.max(trustedProxyHops, 1);
  return entries[Math.max(index, 0)]?.slice(0, 64) ?? "unknown";
}
