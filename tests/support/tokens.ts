// API tokens for HTTP tests: made as createToken stores them (hash and lookup only), with any scopes and state a
// test needs (expired, revoked, or a scope its owner may no longer hold).
import type { PrismaClient } from "@prisma/client";
import type { Scope } from "@/lib/tokens/scopes";
import { newToken, tokenHash, tokenLookup } from "@/lib/tokens/token-format";

export async function tokenFor(
  db: PrismaClient,
  user: { id: string },
  scopes: Scope[],
  options: { expired?: boolean; revoked?: boolean; name?: string } = {},
): Promise<{ token: string; id: string; bearer: { authorization: string } }> {
  const token = newToken();
  const day = 86_400_000;
  const row = await db.apiToken.create({
    data: {
      userId: user.id,
      name: options.name ?? scopes.join("+"),
      lookup: tokenLookup(token),
      hash: tokenHash(token),
      scopes: scopes.join(","),
      expiresAt: new Date(Date.now() + (options.expired ? -day : 7 * day)),
      revokedAt: options.revoked ? new Date() : null,
    },
  });
  return { token, id: row.id, bearer: { authorization: `Bearer ${token}` } };
}
