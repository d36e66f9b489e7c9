// API tokens' pure rules: their shape, the Authorization header, expiry, which scopes a role may give, and what a
// scope lets through.
import { describe, expect, it } from "vitest";
import { actorFromSessionUser, hasScope } from "@/lib/auth/actor";
import {
  bearerCredential,
  bearerOf,
  isTokenShaped,
  newToken,
  sameHash,
  tokenHash,
  tokenLookup,
} from "@/lib/tokens/token-format";
import { expiryOf, scopesAllowed, tokenState } from "@/lib/tokens/token-rules";

const NOW = new Date("2026-12-01T12:00:00Z");

describe("token format", () => {
  it("makes spw_ tokens of 40 base62 characters, all different", () => {
    const tokens = Array.from({ length: 500 }, newToken);
    for (const token of tokens) expect(token).toMatch(/^spw_[0-9A-Za-z]{40}$/);
    expect(new Set(tokens).size).toBe(500);
    // Every character of the alphabet turns up: no bias that drops some.
    expect(new Set(tokens.join("").slice(0, 20_000).replaceAll("spw_", "")).size).toBe(62);
  });

  it("keeps a public lookup part and only the SHA-256, compared in constant time", () => {
    const token = newToken();
    expect(tokenLookup(token)).toBe(token.slice(4, 14));
    expect(tokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(sameHash(tokenHash(token), tokenHash(token))).toBe(true);
    expect(sameHash(tokenHash(token), tokenHash(newToken()))).toBe(false);
    expect(sameHash(tokenHash(token), "short")).toBe(false);
  });

  it("reads the Bearer header: a token, '' for a Bearer header without one, null for none or another scheme", () => {
    const token = newToken();
    expect(bearerOf(`Bearer ${token}`)).toBe(token);
    expect(bearerOf(`bearer  ${token} `)).toBe(token);
    expect(bearerOf(null)).toBeNull();
    expect(bearerOf("Basic dXNlcjpwYXNz")).toBeNull();
    for (const header of [
      "Bearer",
      "Bearer ",
      "Bearer spw_short",
      `Bearer ${token} extra`,
      `Bearer ${token}x`,
      "Bearerx",
    ])
      expect(bearerOf(header), header).toBe(header === "Bearerx" ? null : "");
    expect(isTokenShaped(`${token}\n`)).toBe(false);
    // The raw credential, for a secret that is no token (METRICS_TOKEN).
    expect(bearerCredential("Bearer s3cret-value")).toBe("s3cret-value");
    expect(bearerCredential("Bearer")).toBe("");
    expect(bearerCredential("Basic x")).toBeNull();
  });
});

describe("token rules", () => {
  it("expires in 7/30/90 days or at the end of a chosen UTC day, never in the past or past the cap", () => {
    expect(expiryOf({ days: 7 }, 365, NOW)).toEqual({ at: new Date("2026-12-08T12:00:00Z") });
    expect(expiryOf({ date: "2027-01-31" }, 365, NOW)).toEqual({ at: new Date("2027-01-31T23:59:59.999Z") });
    expect(expiryOf({ date: "2026-11-30" }, 365, NOW)).toEqual({ error: "past" });
    expect(expiryOf({ date: "2026-02-30" }, 365, NOW)).toEqual({ error: "past" });
    expect(expiryOf({ days: 91 }, 90, NOW)).toEqual({ error: "too_far" });
    expect(expiryOf({ date: "2027-12-02" }, 365, NOW)).toEqual({ error: "too_far" });
  });

  it("gives the admin scope to admins only", () => {
    expect(scopesAllowed("USER")).toEqual(["workspaces:read", "workspaces:write"]);
    expect(scopesAllowed("ADMIN")).toContain("admin");
  });

  it("names a token's state: revoked wins, then expired", () => {
    expect(tokenState({ revokedAt: null, expiresAt: new Date(NOW.getTime() + 1) }, NOW)).toBe("active");
    expect(tokenState({ revokedAt: null, expiresAt: NOW }, NOW)).toBe("expired");
    expect(tokenState({ revokedAt: NOW, expiresAt: new Date(0) }, NOW)).toBe("revoked");
  });

  it("lets writing include reading, never admin; a session holds every scope", () => {
    const user = { id: "u", email: "a@example.com", slug: "a", role: "USER" as const };
    const token = (scopes: ("workspaces:read" | "workspaces:write" | "admin")[]) => ({
      ...actorFromSessionUser(user),
      via: "token" as const,
      scopes,
    });
    expect(hasScope(token(["workspaces:write"]), "workspaces:read")).toBe(true);
    expect(hasScope(token(["workspaces:read"]), "workspaces:write")).toBe(false);
    expect(hasScope(token(["workspaces:write"]), "admin")).toBe(false);
    expect(hasScope(token(["admin"]), "workspaces:read")).toBe(false);
    for (const scope of ["workspaces:read", "workspaces:write", "admin"] as const)
      expect(hasScope(actorFromSessionUser(user), scope)).toBe(true);
  });
});
