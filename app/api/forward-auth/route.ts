import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { checkForwardAuth } from "@/lib/forward-auth/check-forward-auth";
import { json } from "@/lib/http/respond";
import { withPublic } from "@/lib/http/route";

// GET /api/forward-auth — Traefik's ForwardAuth: 200 lets the request through, 401/403 stop it.
// Identity comes from the session cookie Traefik forwards; the workspace from X-Forwarded-Uri, checked against
// the route's own ?ws= (or ?uid= on routes made before workspaces).
export const GET = withPublic(async (request) => {
  const params = request.nextUrl.searchParams;
  const decision = await checkForwardAuth({
    caller: await currentUser(),
    forwardedUri: request.headers.get("x-forwarded-uri"),
    expectedWorkspaceId: params.get("ws"),
    expectedOwnerId: params.get("uid"),
  });
  if (decision.status === 401) throw new AppError("UNAUTHENTICATED", "Sign in to open this workspace.");
  if (decision.status === 403) throw new AppError("FORBIDDEN", "You do not have access to this workspace.");
  return json({ ok: true });
});
