// The sign-in cookie of one workspace host: signed (HMAC-SHA256, key derived from AUTH_SECRET for this alone), bound
// to one user, one workspace, one host and the app session it came from, short-lived and renewed while used. It
// proves nothing elsewhere: another host, workspace or a signed-out session reject it (lib/workspace-auth/*).
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/** Host-only by its prefix: never sent to (nor settable by) another host. */
export const WORKSPACE_COOKIE = "__Host-spawner-ws";

export type WorkspaceGrant = {
  /** User id. */
  u: string;
  /** Workspace id. */
  w: string;
  /** The host it is for. */
  h: string;
  /** A reference to the app session it came from (not the session's secret). */
  s: string;
  /** Issued and expiring, in seconds since the epoch. */
  i: number;
  e: number;
};

const keys = new Map<string, Buffer>();
/** A key derived from AUTH_SECRET for one purpose alone (HKDF), kept once derived. */
export function key(secret: string, purpose: string): Buffer {
  const id = `${purpose}:${secret}`;
  let derived = keys.get(id);
  if (!derived) {
    derived = Buffer.from(hkdfSync("sha256", secret, "spawner", purpose, 32));
    keys.set(id, derived);
  }
  return derived;
}

const mac = (secret: string, text: string) =>
  createHmac("sha256", key(secret, "spawner workspace cookies v1")).update(text).digest("base64url");

/** Names an app session without revealing it: the workspace cookie (and the workspace app) see only this. */
export function sessionRef(secret: string, sessionToken: string): string {
  return createHmac("sha256", key(secret, "spawner session refs v1"))
    .update(sessionToken)
    .digest("base64url")
    .slice(0, 32);
}

export function signGrant(secret: string, grant: WorkspaceGrant): string {
  const body = Buffer.from(JSON.stringify(grant)).toString("base64url");
  return `v1.${body}.${mac(secret, body)}`;
}

/** The grant a cookie value carries when its signature holds and it has not expired; null otherwise. */
export function verifyGrant(
  secret: string,
  value: string | undefined,
  nowSeconds: number,
): WorkspaceGrant | null {
  if (!value || value.length > 2048) return null;
  const [version, body, signature] = value.split(".");
  if (version !== "v1" || !body || !signature) return null;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const grant = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as WorkspaceGrant;
    const fields = [grant.u, grant.w, grant.h, grant.s].every((field) => typeof field === "string" && field);
    if (!fields || typeof grant.e !== "number" || typeof grant.i !== "number") return null;
    return grant.e > nowSeconds ? grant : null;
  } catch {
    return null;
  }
}

/** One cookie's value from a Cookie header (the last one wins, as browsers send the most specific last). */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  let found: string | undefined;
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) found = part.slice(at + 1).trim();
  }
  return found;
}

export function grantCookie(value: string, maxAgeSeconds: number): string {
  return `${WORKSPACE_COOKIE}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Lax`;
}
