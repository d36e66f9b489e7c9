// Route handler wrappers: errors become JSON once; identity and origin are checked before the body runs.
import type { NextRequest } from "next/server";
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

/** A handler for signed-in users: 401 without a session. */
export function withUser(
  handler: (request: NextRequest, ctx: { params: Params; user: SessionUser }) => Promise<Response>,
) {
  return withPublic(async (request, ctx) => handler(request, { ...ctx, user: await requireUser() }));
}
