// What an API token looks like and how it is checked: "spw_" (so secret scanners can spot a leaked one) and 40
// base62 characters (about 238 bits). Only its SHA-256 is stored; the first LOOKUP_LENGTH characters after the
// prefix are kept in clear to find the row and to show in lists, then the hashes are compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const TOKEN_PREFIX = "spw_";
const BODY_LENGTH = 40;
export const LOOKUP_LENGTH = 10;
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const TOKEN_SHAPE = new RegExp(`^${TOKEN_PREFIX}[0-9A-Za-z]{${BODY_LENGTH}}$`);

/** A new token, uniformly random over the alphabet (bytes past the last whole multiple of 62 are dropped). */
export function newToken(): string {
  let body = "";
  while (body.length < BODY_LENGTH) {
    for (const byte of randomBytes(BODY_LENGTH * 2)) {
      if (byte < 248 && body.length < BODY_LENGTH) body += ALPHABET[byte % 62];
    }
  }
  return `${TOKEN_PREFIX}${body}`;
}

export function isTokenShaped(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/** The public part kept in clear: finds the row, and names the token in lists ("spw_AbC123xyz9…"). */
export function tokenLookup(token: string): string {
  return token.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + LOOKUP_LENGTH);
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Constant time for hashes of one length (SHA-256 hex: always 64). */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The credential of an `Authorization: Bearer …` header as sent ("" when it holds none); null for no Bearer header. */
export function bearerCredential(header: string | null): string | null {
  if (header === null || !/^Bearer\b/i.test(header)) return null;
  return /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)?.[1] ?? "";
}

/**
 * The token of an `Authorization: Bearer …` header; null when there is no such header. A header of another scheme
 * is not ours (null); a Bearer header with anything but a token shape is "" (refused, never read as no header).
 */
export function bearerOf(header: string | null): string | null {
  const credential = bearerCredential(header);
  if (credential === null) return null;
  return isTokenShaped(credential) ? credential : "";
}
