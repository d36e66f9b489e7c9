import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { checkForwardAuth } from "@/lib/forward-auth/check-forward-auth";
import { withPublic } from "@/lib/http/route";

// GET /api/forward-auth — Traefik's ForwardAuth: 200 lets the request through, 401/403 stop it.
// Identity comes from the session cookie Traefik forwards; the target from X-Forwarded-Uri and ?uid.
export const GET = withPublic(async (request) => {
  const decision = await checkForwardAuth({
    caller: await currentUser(),
    forwardedUri: request.headers.get("x-forwarded-uri"),
    expectedOwnerId: request.nextUrl.searchParams.get("uid"),
  });
  const message =
    decision.status === 200
      ? "ok"
      : decision.status === 401
        ? "Sign in to open this container."
        : "You do not have access to this container.";
  return new NextResponse(message, {
    status: decision.status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
});
