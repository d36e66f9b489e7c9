// Runs before every request: a fresh CSP nonce for pages, HSTS over HTTPS, cross-origin and malformed writes refused.
// Identity is checked in pages and handlers.
import { type NextRequest, NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertActionRequest } from "@/lib/http/action-request";
import { errorResponse } from "@/lib/http/respond";
import { assertSameOrigin, hasBearer, SAFE_METHODS } from "@/lib/http/same-origin";
import { contentSecurityPolicy, HSTS, isHttps } from "@/lib/http/security-headers";

/** A path with broken percent-encoding can't name anything here; answer it before routing tries to decode it. */
function hasMalformedEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * Every state-changing request must come from this site; Next's own check on server actions answers a foreign
 * Origin with a 500 (and an Origin that is not a URL crashes it), so we refuse first with a clear 403.
 * Writes to pages are server actions; their bodies are checked before React decodes them (lib/http/action-request).
 */
async function refuseBadWrite(request: NextRequest): Promise<NextResponse | null> {
  if (SAFE_METHODS.has(request.method)) return null;
  try {
    // An API call with a Bearer token carries no cookie authority (it is judged by the token alone): no forgery to
    // guard against. Its body is still checked below when it is a server action's.
    if (!(request.nextUrl.pathname.startsWith("/api/") && hasBearer(request.headers)))
      assertSameOrigin(request.headers);
    if (request.headers.has("next-action") || !request.nextUrl.pathname.startsWith("/api/"))
      await assertActionRequest(request);
    return null;
  } catch (error) {
    return errorResponse(error, request.nextUrl.pathname);
  }
}

/** The workspace page may show a workspace app in a frame: only hosts under the workspace domain, over https. */
function frameSources(): string[] {
  const env = getEnv();
  return env.WORKSPACE_DOMAIN ? [`${new URL(env.APP_URL).protocol}//*.${env.WORKSPACE_DOMAIN}`] : [];
}

export async function proxy(request: NextRequest) {
  if (hasMalformedEncoding(request.nextUrl.pathname)) {
    return errorResponse(new AppError("BAD_REQUEST", "The address is not valid."), request.nextUrl.pathname);
  }
  const refused = await refuseBadWrite(request);
  if (refused) return refused;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development", frameSources());
  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (isHttps(request.nextUrl, request.headers.get("x-forwarded-proto"))) {
    response.headers.set("Strict-Transport-Security", HSTS);
  }
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
