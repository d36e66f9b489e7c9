import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { checkForwardAuth } from "@/lib/forward-auth/check-forward-auth";
import { json } from "@/lib/http/respond";
import { withPublic } from "@/lib/http/route";

// GET /api/forward-auth — Traefik's ForwardAuth: 200 lets the request through, 401/403 stop it.
// Identity comes from the session cookie Traefik forwards; the target from X-Forwarded-Uri and ?uid.
export const GET = withPublic(async (request) => {
  const decision = await checkForwardAuth({
    caller: await currentUser(),
    forwardedUri: request.headers.get("x-forwarded-uri"),
    expectedOwnerId: request.nextUrl.searchParams.get("uid"),
  });
  if (decision.status === 401) throw new AppError("UNAUTHENTICATED", "Sign in to open this container.");
  if (decision.status === 403) throw new AppError("FORBIDDEN", "You do not have access to this container.");
  return json({ ok: true });
});
