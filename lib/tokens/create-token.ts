// Use case: a signed-in person makes an API token for themselves. The token is answered once and only its hash
// is kept; only a session may make one (a token can't mint more), and only an admin may give it the admin scope.
import "server-only";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { newToken, tokenHash, tokenLookup } from "@/lib/tokens/token-format";
import { expiryOf, scopesAllowed } from "@/lib/tokens/token-rules";
import { type TokenView, tokenView } from "@/lib/tokens/token-view";
import type { CreateTokenInput } from "@/lib/validations/token";

/** Enough for scripts and CI of one person; more is a leak waiting to happen. */
export const MAX_TOKENS_PER_USER = 50;

export async function createToken({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: CreateTokenInput;
  now?: Date;
}): Promise<{ token: string; view: TokenView }> {
  return audited(
    actor,
    { action: "token.create", target: { type: "token", name: input.name } },
    async (draft) => {
      draft.details.scopes = input.scopes;
      if (actor.via !== "session")
        throw new AppError(
          "FORBIDDEN",
          "API tokens are made on the Spawner site (Settings → API tokens), not with a token.",
        );
      const allowed = scopesAllowed(actor.role);
      const refused = input.scopes.filter((scope) => !allowed.includes(scope));
      if (refused.length > 0)
        throw new AppError("VALIDATION_FAILED", "Check the scopes.", {
          fields: { scopes: [`Only administrators may give a token the ${refused.join(", ")} scope.`] },
        });
      const maxDays = getEnv().API_TOKEN_MAX_DAYS;
      const choice = input.expires_on ? { date: input.expires_on } : { days: input.expires_in_days ?? 0 };
      const expiry = expiryOf(choice, maxDays, now);
      if ("error" in expiry) {
        const field = input.expires_on ? "expires_on" : "expires_in_days";
        const message =
          expiry.error === "past"
            ? "Choose a day in the future."
            : `A token may live at most ${maxDays} days.`;
        throw new AppError("VALIDATION_FAILED", "Check when the token expires.", {
          fields: { [field]: [message] },
        });
      }
      const db = getDb();
      const token = newToken();
      const row = await db.$transaction(async (tx) => {
        const count = await tx.apiToken.count({
          where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: now } },
        });
        if (count >= MAX_TOKENS_PER_USER)
          throw new AppError("CONFLICT", `You have ${count} tokens: revoke one you no longer use first.`);
        return tx.apiToken.create({
          data: {
            userId: actor.userId,
            name: input.name,
            lookup: tokenLookup(token),
            hash: tokenHash(token),
            scopes: input.scopes.join(","),
            expiresAt: expiry.at,
            createdAt: now,
          },
        });
      });
      draft.target = { type: "token", id: row.id, name: row.name };
      draft.details.expires_at = row.expiresAt.toISOString();
      return { token, view: tokenView(row, now) };
    },
  );
}
