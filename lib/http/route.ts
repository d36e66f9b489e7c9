// Route handler wrappers: errors become JSON once; identity and origin are checked before the body runs.
import type { NextRequest } from "next/server";
import { type Actor, actorFromSessionUser } from "@/lib/auth/actor";
import { clientIp } from "@/lib/auth/client-ip";
import { requireAdmin, requireUser, type SessionUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { errorResponse } from "@/lib/http/respond";
import { assertSameOrigin, SAFE_METHODS } from "@/lib/http/same-origin";

type Params = Record<string, string | string[] | undefined>;
type Context = { params: Promise<Params> };

/** A public handler: still origin-checked for state-changing methods, still never leaks a stack. */
export function withPublic(handler: (request: NextRequest, ctx: { params: Params }) => Promise<Response>) {
  return async (request: NextRequest, context: Context): Promise<Response> => {
    try {
      if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request.headers);
      return await handler(request, { params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A handler for signed-in users: 401 without a session; the actor goes into every use case. */
export function withUser(
  handler: (
    request: NextRequest,
    ctx: { params: Params; user: SessionUser; actor: Actor },
  ) => Promise<Response>,
) {
  return withPublic(async (request, ctx) => {
    const user = await requireUser();
    return handler(request, { ...ctx, user, actor: actorFromSessionUser(user, ipOf(request)) });
  });
}

/** A handler of the admin API: 401 without a session, 404 for anyone but an admin (the path is not probed). */
export function withAdmin(
  handler: (
    request: NextRequest,
    ctx: { params: Params; user: SessionUser; actor: Actor },
  ) => Promise<Response>,
) {
  return withPublic(async (request, ctx) => {
    const user = await requireAdmin();
    return handler(request, { ...ctx, user, actor: actorFromSessionUser(user, ipOf(request)) });
  });
}

/** The client's address, trusting only the proxies we run (TRUSTED_PROXY_HOPS). */
export function ipOf(request: NextRequest): string {
  return clientIp(request.headers.get("x-forwarded-for"), getEnv().TRUSTED_PROXY_HOPS);
}

/** A route parameter as one string (Next gives string[] for catch-all segments; none of ours are). */
export function param(params: Params, name: string): string {
  const value = params[name];
  return typeof value === "string" ? value : "";
}
