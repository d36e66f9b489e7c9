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

/**
 * The bucket a per-address rate limit counts an address in: IPv4 as it is, IPv6 by its /64 (one host is commonly
 * given a whole /64, so counting single IPv6 addresses would give it billions of budgets).
 */
export function addressBucket(ip: string): string {
  const address = ip.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!address.includes(":")) return address;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  const [head = "", tail] = address.split("::");
  const headParts = head ? head.split(":") : [];
  const tailParts = tail ? tail.split(":") : [];
  const zeros =
    tail === undefined ? [] : Array(Math.max(0, 8 - headParts.length - tailParts.length)).fill("0");
  const groups = [...headParts, ...zeros, ...tailParts].slice(0, 4);
  return `${groups.map((group) => group.toLowerCase().replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
