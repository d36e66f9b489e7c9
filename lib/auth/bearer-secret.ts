// A shared bearer secret (METRICS_TOKEN for the metrics scrape), compared in constant time: both sides are hashed
// first, so neither the secret's length nor where a guess goes wrong shows in the time taken.
import { bearerCredential, sameHash, tokenHash } from "@/lib/tokens/token-format";

/** Whether an Authorization header is `Bearer <secret>`; never for an unset secret. */
export function isBearerSecret(header: string | null, secret: string | undefined): boolean {
  const given = bearerCredential(header);
  return !!given && !!secret && sameHash(tokenHash(given), tokenHash(secret));
}
