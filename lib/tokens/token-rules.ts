// Pure rules of API tokens: which scopes an account may give one, and when it expires.
import type { Role } from "@prisma/client";
import type { Scope } from "@/lib/tokens/scopes";

const DAY_MS = 86_400_000;

/** The admin scope only for admins; workspace scopes for everyone. */
export function scopesAllowed(role: Role): Scope[] {
  return role === "ADMIN"
    ? ["workspaces:read", "workspaces:write", "admin"]
    : ["workspaces:read", "workspaces:write"];
}

/**
 * When a token made now expires: in `days`, or at the end of the UTC day `date` (YYYY-MM-DD) names. null when it
 * is not in the future or past the longest allowed (the caller says which).
 */
export function expiryOf(
  choice: { days: number } | { date: string },
  maxDays: number,
  now: Date,
): { at: Date } | { error: "past" | "too_far" } {
  const at =
    "days" in choice
      ? new Date(now.getTime() + choice.days * DAY_MS)
      : new Date(`${choice.date}T23:59:59.999Z`);
  if (Number.isNaN(at.getTime()) || at.getTime() <= now.getTime()) return { error: "past" };
  if (at.getTime() > now.getTime() + maxDays * DAY_MS) return { error: "too_far" };
  return { at };
}

/** The "expires in" choices a form offers: those within maxDays, or maxDays itself when it is shorter than all. */
export function expiryPresets(choices: readonly number[], maxDays: number): number[] {
  const within = choices.filter((days) => days <= maxDays);
  return within.length > 0 ? within : [maxDays];
}

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The days a form may offer for "expires on" (YYYY-MM-DD, UTC): from tomorrow to the last day whose end is still
 * within maxDays of now, so every day it offers is one expiryOf accepts.
 */
export function dateChoiceRange(maxDays: number, now: Date): { min: string; max: string } {
  return {
    min: utcDay(new Date(now.getTime() + DAY_MS)),
    max: utcDay(new Date(now.getTime() + (maxDays - 1) * DAY_MS)),
  };
}

export type TokenState = "active" | "expired" | "revoked";

export function tokenState(token: { revokedAt: Date | null; expiresAt: Date }, now = new Date()): TokenState {
  if (token.revokedAt) return "revoked";
  return token.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}
