// A shared bearer secret (METRICS_TOKEN for the metrics scrape), compared in constant time: both sides are hashed
// first, so neither the secret's length nor where a guess goes wrong shows in the time taken.
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether an Authorization header is `Bearer <secret>`; never for an unset secret. */
export function isBearerSecret(header: string | null, secret: string | undefined): boolean {
  if (!header || !secret) return false;
  const given = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(secret));
}
