// How a token is shown: never its secret, only the public part of it, its scopes, dates and state.

import { parseScopes, type Scope } from "@/lib/tokens/scopes";
import { TOKEN_PREFIX } from "@/lib/tokens/token-format";
import { type TokenState, tokenState } from "@/lib/tokens/token-rules";

export type TokenRow = {
  id: string;
  name: string;
  lookup: string;
  scopes: string;
  expiresAt: Date;
  lastUsedAt: Date | null;
  lastUsedIp: string;
  revokedAt: Date | null;
  createdAt: Date;
  user?: { id: string; email: string };
};

export type TokenView = {
  id: string;
  name: string;
  /** The start of the token ("spw_AbC123xyz9…"): enough to tell tokens apart, nothing to sign in with. */
  hint: string;
  scopes: Scope[];
  state: TokenState;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  last_used_ip: string | null;
  revoked_at: string | null;
  owner?: { id: string; email: string };
};

export function tokenView(row: TokenRow, now = new Date()): TokenView {
  return {
    id: row.id,
    name: row.name,
    hint: `${TOKEN_PREFIX}${row.lookup}…`,
    scopes: parseScopes(row.scopes),
    state: tokenState(row, now),
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    last_used_ip: row.lastUsedIp || null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
    ...(row.user ? { owner: { id: row.user.id, email: row.user.email } } : {}),
  };
}
