// Cookies already verified, so the next request with the same cookie skips the HMAC and the parse: a page load
// sends the same cookie dozens of times in a second. Expiry is checked on every use; the map is bounded.
import { verifyGrant, type WorkspaceGrant } from "@/lib/workspace-auth/workspace-cookie";

const MAX = 10_000;
const store = globalThis as unknown as { spawnerVerifiedGrants?: Map<string, WorkspaceGrant> };
store.spawnerVerifiedGrants ??= new Map();
const verified = store.spawnerVerifiedGrants;

export function verifiedGrant(
  secret: string,
  value: string | undefined,
  nowSeconds: number,
): WorkspaceGrant | null {
  if (!value) return null;
  const known = verified.get(value);
  if (known) return known.e > nowSeconds ? known : null;
  const grant = verifyGrant(secret, value, nowSeconds);
  if (grant) {
    if (verified.size >= MAX) verified.clear();
    verified.set(value, grant);
  }
  return grant;
}
