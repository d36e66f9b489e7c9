// Route handler wrappers: errors become JSON once; identity, scope, origin and rate limits are checked before the
// body runs; every answer is counted (spawner_http_requests_total).
import type { NextRequest } from "next/server";
import { adminNotFound } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/authenticate";
import { requireScope } from "@/lib/auth/authorize";
import { isBearerSecret } from "@/lib/auth/bearer-secret";
import { clientIp } from "@/lib/auth/client-ip";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { type RateDecision, rateLimitHeaders, takeRequest } from "@/lib/http/rate-limit";
import { errorResponse } from "@/lib/http/respond";
import { assertSameOrigin, hasBearer, SAFE_METHODS } from "@/lib/http/same-origin";
import { recordHttpRequest } from "@/lib/metrics/metrics";
import { routePatternOf } from "@/lib/metrics/route-pattern";
import { type Scope, scopeForMethod } from "@/lib/tokens/scopes";
import { bearerOf } from "@/lib/tokens/token-format";

type Params = Record<string, string | string[] | undefined>;
type Context = { params: Promise<Params> };
type Handler<Extra> = (request: NextRequest, ctx: { params: Params } & Extra) => Promise<Response>;

const WINDOW_MS = 60_000;

/** Per API token; per client address for calls that bring neither a valid token nor a session. */
function limit(kind: "token" | "anonymous", key: string): RateDecision {
  const env = getEnv();
  const decision = takeRequest(`${kind}:${key}`, {
    name: kind,
    limit: kind === "token" ? env.API_RATE_LIMIT : env.API_RATE_LIMIT_ANONYMOUS,
    windowMs: WINDOW_MS,
  });
  if (!decision.allowed)
    throw Object.assign(
      new AppError("RATE_LIMITED", "Too many requests: wait as Retry-After says, then try again.", {
        retryAfterSeconds: decision.resetSeconds,
      }),
      { rate: decision },
    );
  return decision;
}

/**
 * Runs a handler; any error becomes the API's JSON error, with the rate-limit fields of the request's policy. The
 * answer is counted by its route's pattern, never its path (ids would become labels).
 */
function answer(
  work: (
    request: NextRequest,
    params: Params,
    counted: (decision: RateDecision) => void,
  ) => Promise<Response>,
) {
  return async (request: NextRequest, context: Context): Promise<Response> => {
    let rate: RateDecision | undefined;
    const counted = (decision: RateDecision) => {
      rate = decision;
    };
    let response: Response;
    try {
      response = await work(request, await context.params, counted);
    } catch (error) {
      rate ??= (error as { rate?: RateDecision }).rate;
      response = errorResponse(error, request.nextUrl.pathname);
    }
    if (rate)
      for (const [name, value] of Object.entries(rateLimitHeaders(rate))) response.headers.set(name, value);
    recordHttpRequest(routePatternOf(request.nextUrl.pathname), request.method, response.status);
    return response;
  };
}

/**
 * A public handler: still origin-checked for state-changing methods, still never leaks a stack. `rateLimited`: the
 * versioned API's public routes count against the caller's address.
 */
export function withPublic(handler: Handler<object>, options: { rateLimited?: boolean } = {}) {
  return answer(async (request, params, counted) => {
    if (!SAFE_METHODS.has(request.method) && !hasBearer(request.headers)) assertSameOrigin(request.headers);
    if (options.rateLimited) counted(limit("anonymous", ipOf(request)));
    return handler(request, { params });
  });
}

/**
 * A handler for signed-in callers — a session or an API token: 401 without either; the token must carry `scope`
 * (by default workspaces:read to read, workspaces:write to change). The actor goes into every use case.
 */
export function withUser(handler: Handler<{ actor: Actor }>, options: { scope?: Scope } = {}) {
  return answer(async (request, params, counted) => {
    const actor = await identify(request, counted);
    requireScope(actor, options.scope ?? scopeForMethod(request.method));
    return handler(request, { params, actor });
  });
}

/** A handler of the admin API: 401 without a caller, 404 for anyone but an admin (the path is not probed), and a
 * token needs the admin scope. */
export function withAdmin(handler: Handler<{ actor: Actor }>) {
  return answer(async (request, params, counted) => {
    const actor = await identify(request, counted);
    if (actor.role !== "ADMIN") throw adminNotFound();
    requireScope(actor, "admin");
    return handler(request, { params, actor });
  });
}

/**
 * The metrics scrape: `Bearer METRICS_TOKEN`, or an admin's API token with the admin scope (as withAdmin: 404 for
 * anyone else's token, 403 without the scope); 401 for anything else, a session included (scrapers send a bearer).
 */
export function withScraper(handler: (request: NextRequest) => Promise<Response>) {
  return answer(async (request, _params, counted) => {
    const header = request.headers.get("authorization");
    if (isBearerSecret(header, getEnv().METRICS_TOKEN)) return handler(request);
    if (!bearerOf(header)) {
      counted(limit("anonymous", ipOf(request)));
      throw new AppError(
        "UNAUTHENTICATED",
        "Send Authorization: Bearer with METRICS_TOKEN or an admin's API token.",
      );
    }
    const actor = await identify(request, counted);
    if (actor.role !== "ADMIN") throw adminNotFound();
    requireScope(actor, "admin");
    return handler(request);
  });
}

async function identify(request: NextRequest, counted: (decision: RateDecision) => void): Promise<Actor> {
  const bearer = hasBearer(request.headers);
  if (!bearer && !SAFE_METHODS.has(request.method)) assertSameOrigin(request.headers);
  const ip = ipOf(request);
  let actor: Actor | null;
  try {
    actor = await authenticate(request.headers, ip);
  } catch (error) {
    // A token that is not valid counts against its address, as no token would (guessing is slowed down).
    if (error instanceof AppError && error.code === "UNAUTHENTICATED") counted(limit("anonymous", ip));
    throw error;
  }
  if (!actor) {
    counted(limit("anonymous", ip));
    throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  }
  if (actor.tokenId) counted(limit("token", actor.tokenId));
  return actor;
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
