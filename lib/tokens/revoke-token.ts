// Use case: revoke a token — its owner, or an admin for anyone's. Another's token is simply not found.
import "server-only";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type TokenView, tokenView } from "@/lib/tokens/token-view";

export async function revokeToken({ actor, tokenId }: { actor: Actor; tokenId: string }): Promise<TokenView> {
  return audited(actor, { action: "token.revoke", target: { type: "token", id: tokenId } }, async (draft) => {
    const db = getDb();
    const where = isAdmin(actor) ? { id: tokenId } : { id: tokenId, userId: actor.userId };
    const row = await db.apiToken.findFirst({
      where,
      include: { user: { select: { id: true, email: true } } },
    });
    if (!row) throw new AppError("NOT_FOUND", "There is no such token.");
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
