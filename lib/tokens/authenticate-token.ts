// Who a Bearer token acts as: its owner, limited by its scopes, while it is neither revoked nor expired and the
// account is active (checked on every request, so a disabled account's tokens stop at once; a deleted account's
// are gone with it). Use of a revoked or expired token is audited, once per token in a window.
import "server-only";
import { firstInWindow } from "@/lib/audit/once-per-window";
import { recordAudit } from "@/lib/audit/record-audit";
import { isActive } from "@/lib/auth/account-status";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseScopes } from "@/lib/tokens/scopes";
import { sameHash, tokenHash, tokenLookup } from "@/lib/tokens/token-format";
import { tokenState } from "@/lib/tokens/token-rules";

// Last used is written at most this often per token (and whenever the address changes), not per request.
const TOUCH_EVERY_MS = 60_000;

const refused = (message: string) => new AppError("UNAUTHENTICATED", message);

/** `token` is bearerOf's answer: "" for a Bearer header that holds no token shape. */
export async function actorFromToken(token: string, ip: string, now = new Date()): Promise<Actor> {
  if (!token) throw refused("The Authorization header must be Bearer followed by an API token (spw_…).");
  const hash = tokenHash(token);
  const rows = await getDb().apiToken.findMany({
    where: { lookup: tokenLookup(token) },
    include: { user: { select: { id: true, email: true, slug: true, role: true, disabledAt: true } } },
  });
  // Every candidate is compared, each in constant time.
  const row = rows.filter((candidate) => sameHash(candidate.hash, hash))[0];
  if (!row) throw refused("This API token is not valid.");
  const state = tokenState(row, now);
  if (state !== "active") {
    if (firstInWindow(`token-refused:${row.id}`, now.getTime()))
      await recordAudit(
        { id: row.user.id, email: row.user.email, via: "token", ip },
        {
          action: "token.use",
          target: { type: "token", id: row.id, name: row.name },
          owner: { id: row.user.id, email: row.user.email },
          outcome: "UNAUTHENTICATED",
          details: { reason: state },
        },
      );
    throw refused(state === "revoked" ? "This API token was revoked." : "This API token has expired.");
  }
  if (!isActive(row.user)) throw refused("The account this API token belongs to is disabled.");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_EVERY_MS || row.lastUsedIp !== ip)
    await getDb()
      .apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now, lastUsedIp: ip } })
      .catch(() => undefined);
  return {
    userId: row.user.id,
    email: row.user.email,
    slug: row.user.slug,
    role: row.user.role,
    via: "token",
    scopes: parseScopes(row.scopes),
    tokenId: row.id,
    ip,
  };
}
