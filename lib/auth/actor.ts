// Who is acting: a user through a session or an API token, with their role, what the token may do and the address
// they came from. Built once per request (lib/auth/authenticate.ts) and passed into every use case;
// lib/auth/authorize.ts decides what it may do, and lib/audit records what they did.
import type { Role } from "@prisma/client";
import type { AuditEntry } from "@/lib/audit/record-audit";
import { SCOPES, type Scope } from "@/lib/tokens/scopes";

export type Actor = {
  userId: string;
  email: string;
  slug: string;
  role: Role;
  via: "session" | "token";
  /** What it may do on top of its role: every scope for a session, the token's own for a token. */
  scopes: readonly Scope[];
  /** The API token it came with (via "token"). */
  tokenId?: string;
  /** The client's address (lib/auth/client-ip.ts), "" when there is no request (tests, scripts). */
  ip: string;
  /**
   * Set by a bulk action: the use cases it runs add their audit entries here instead of writing one row each, and
   * the bulk action records them as one event with its items (lib/audit/record-audit.ts).
   */
  auditBatch?: AuditEntry[];
};

export function actorFromSessionUser(
  user: { id: string; email: string; slug: string; role: Role },
  ip = "",
): Actor {
  return {
    userId: user.id,
    email: user.email,
    slug: user.slug,
    role: user.role,
    via: "session",
    scopes: SCOPES,
    ip,
  };
}

/** Writing workspaces includes reading them (a token that may stop one may see it); admin is its own. */
export function hasScope(actor: Actor, scope: Scope): boolean {
  return (
    actor.scopes.includes(scope) || (scope === "workspaces:read" && actor.scopes.includes("workspaces:write"))
  );
}
