// Route handler wrappers: errors become JSON once; identity and origin are checked before the body runs.
import type { NextRequest } from "next/server";
import { type Actor, actorFromSessionUser } from "@/lib/auth/actor";
import { requireUser, type SessionUser } from "@/lib/auth/session";
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
    return handler(request, { ...ctx, user, actor: actorFromSessionUser(user) });
  });
}

/** A route parameter as one string (Next gives string[] for catch-all segments; none of ours are). */
export function param(params: Params, name: string): string {
  const value = params[name];
  return typeof value === "string" ? value : "";
}
