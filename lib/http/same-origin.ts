// Cross-site request forgery guard for state-changing handlers: the Origin must be this host.
import { AppError } from "@/lib/errors";
import { bearerCredential } from "@/lib/tokens/token-format";

/** Methods that change nothing, so need no origin check. */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Browsers send Origin on every cross-origin POST; "null" and foreign origins are refused. Tools send none. */
export function assertSameOrigin(headers: Headers): void {
  const origin = headers.get("origin");
  if (origin === null) return;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (!originHost || !host || originHost.toLowerCase() !== host.toLowerCase()) {
    throw new AppError("CROSS_ORIGIN", "This request must come from the Spawner site itself.");
  }
}

/** An `Authorization: Bearer …` header: the request is judged by that token alone, never by cookies. */
export function hasBearer(headers: Headers): boolean {
  return bearerCredential(headers.get("authorization")) !== null;
}
