// Use cases: the actor's own tokens (the settings page), and everyone's for an admin (newest first).
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { type TokenView, tokenView } from "@/lib/tokens/token-view";

export async function listTokens({ actor }: { actor: Actor }): Promise<TokenView[]> {
  const rows = await getDb().apiToken.findMany({
    where: { userId: actor.userId },
    orderBy: { createdAt: "desc" },
  });
  const now = new Date();
  return rows.map((row) => tokenView(row, now));
}

export async function listAllTokens({ actor }: { actor: Actor }): Promise<TokenView[]> {
  assertAdmin(actor);
  const rows = await getDb().apiToken.findMany({
    orderBy: { createdAt: "desc" },
    include: { user: { select: { id: true, email: true } } },
    take: 1000,
  });
  const now = new Date();
  return rows.map((row) => tokenView(row, now));
}
