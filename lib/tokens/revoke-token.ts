// Use case: revoke a token — its owner, or an admin for anyone's. Another's token is simply not found.
import "server-only";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type TokenView, tokenView } from "@/lib/tokens/token-view";

/** A token the actor may not see, or one that does not exist: the same answer, so ids can't be probed. */
export const tokenNotFound = () => new AppError("NOT_FOUND", "There is no such token.");

export async function revokeToken({ actor, tokenId }: { actor: Actor; tokenId: string }): Promise<TokenView> {
  return audited(actor, { action: "token.revoke", target: { type: "token", id: tokenId } }, async (draft) => {
    const db = getDb();
    const where = isAdmin(actor) ? { id: tokenId } : { id: tokenId, userId: actor.userId };
    const row = await db.apiToken.findFirst({
      where,
      include: { user: { select: { id: true, email: true } } },
    });
    if (!row) throw tokenNotFound();
    draft.target = { type: "token", id: row.id, name: row.name };
    draft.owner = row.user;
    // Revoking twice is fine: the first time stays the one recorded on the token.
    if (row.revokedAt) return tokenView(row);
    const revoked = await db.apiToken.update({
      where: { id: row.id },
      data: { revokedAt: new Date() },
      include: { user: { select: { id: true, email: true } } },
    });
    return tokenView(revoked);
  });
}
