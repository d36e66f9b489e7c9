// The client's address from X-Forwarded-For, trusting only the proxies we run.
/**
 * The server appends the address of the peer it was connected from to every request's X-Forwarded-For
 * (lib/server/fast-path.ts: appendPeer), and each trusted proxy appends the address it saw; so with N trusted
 * proxies the client is the (N+1)-th entry from the right, and with none it is the peer itself: whatever a client
 * writes into the header is never taken for its address unless a proxy we trust stands behind it.
 */
export function clientIp(forwardedFor: string | null, trustedProxyHops: number): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const index = entries.length - 1 - Math.max(trustedProxyHops, 0);
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
