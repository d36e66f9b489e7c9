import { forwardAuth } from "@/lib/forward-auth/forward-auth";
import { withPublic } from "@/lib/http/route";

// GET /api/forward-auth — Traefik's ForwardAuth: 200 lets the request through; 401/403 stop it; on a workspace host
// a page load without its cookie is sent through the sign-in handshake (302). Served by lib/server/fast-path.ts in
// the running server; this handler answers the same where that hook is not installed (next dev).
export const GET = withPublic(async (request) => {
  const result = await forwardAuth({
    header: (name) => request.headers.get(name),
    query: request.nextUrl.searchParams,
  });
  return new Response(result.body || null, { status: result.status, headers: result.headers });
});
