import { type NextRequest, NextResponse } from "next/server";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { currentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { withPublic } from "@/lib/http/route";
import { SESSION_COOKIES } from "@/lib/workspace-auth/lookups";
import { startHandshake } from "@/lib/workspace-auth/start-handshake";

// GET /api/workspace-auth/start?host=…&return=… — where forward-auth sends a page load on a workspace host without
// its cookie: a signed-in owner or admin goes on to that host with a single-use code; anyone else signs in first
// (and comes back here), or gets 404 for a host that is not theirs to open.
export const GET = withPublic(async (request: NextRequest) => {
  const user = await currentUser();
  const token = SESSION_COOKIES.map((name) => request.cookies.get(name)?.value).find(Boolean);
  if (!user || !token) {
    const login = new URL("/login", getEnv().APP_URL);
    login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return NextResponse.redirect(login, 302);
  }
  const target = await startHandshake({
    actor: actorFromSessionUser(user),
    sessionToken: token,
    host: request.nextUrl.searchParams.get("host") ?? "",
    returnPath: request.nextUrl.searchParams.get("return"),
  });
  return NextResponse.redirect(target, 302);
});
