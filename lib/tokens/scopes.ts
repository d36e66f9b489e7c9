// What an API token may do. A session may do everything its role allows; a token only what its scopes name too.
export const SCOPES = ["workspaces:read", "workspaces:write", "admin"] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_LABELS: Record<Scope, string> = {
  "workspaces:read": "Read workspaces (list, status, logs, stats)",
  "workspaces:write": "Change workspaces (create, start, stop, restart, delete, settings; reading included)",
  admin: "Administer the platform (admins only)",
};

export function parseScopes(stored: string): Scope[] {
  return stored
    .split(",")
    .map((scope) => scope.trim())
    .filter((scope): scope is Scope => (SCOPES as readonly string[]).includes(scope));
}

/** The scope a request needs by its method, unless its route says otherwise: reads read, everything else writes. */
export function scopeForMethod(method: string): Scope {
  return method === "GET" || method === "HEAD" ? "workspaces:read" : "workspaces:write";
}
