// Route handler wrappers: errors become JSON once; identity, scope, origin and rate limits are checked before the
// body runs; every answer is counted (spawner_http_requests_total).
import type { NextRequest } from "next/server";
import { assertAdminCaller } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/authenticate";
import { requireScope } from "@/lib/auth/authorize";
import { isBearerSecret } from "@/lib/auth/bearer-secret";
import { addressBucket, clientIp } from "@/lib/auth/client-ip";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  peekRequest,
  type RateDecision,
  type RatePolicy,
  rateLimitHeaders,
  takeRequest,
} from "@/lib/http/rate-limit";
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

function policyOf(kind: RatePolicy["name"]): RatePolicy {
  const env = getEnv();
  const limit = kind === "token" ? env.API_RATE_LIMIT : env.API_RATE_LIMIT_ANONYMOUS;
  return { name: kind, limit, windowMs: WINDOW_MS };
}

function rateLimited(decision: RateDecision): AppError {
  return Object.assign(
    new AppError("RATE_LIMITED", "Too many requests: wait as Retry-After says, then try again.", {
      retryAfterSeconds: decision.resetSeconds,
    }),
    { rate: decision },
  );
}

/** Counts a request per API token, or per client address (its IPv6 /64): a call without a credential, or one whose
 * credential was not valid. */
function limit(kind: RatePolicy["name"], key: string): RateDecision {
  const decision = takeRequest(kind === "token" ? key : addressBucket(key), policyOf(kind));
  if (!decision.allowed) throw rateLimited(decision);
  return decision;
}

/** Before a credential is checked: an address whose failed attempts used up their budget is not heard, so guessing
 * a token or the metrics secret is slowed to API_RATE_LIMIT_ANONYMOUS a minute. */
function assertGuessBudget(ip: string): void {
  const decision = peekRequest(addressBucket(ip), policyOf("failed"));
  if (!decision.allowed) throw rateLimited(decision);
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
    assertAdminCaller(actor);
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
    const bearer = bearerOf(header);
    if (bearer === null) counted(limit("anonymous", ipOf(request)));
    else assertGuessBudget(ipOf(request));
    if (isBearerSecret(header, getEnv().METRICS_TOKEN)) return handler(request);
    if (!bearer) {
      if (bearer === "") counted(limit("failed", ipOf(request)));
      throw new AppError(
        "UNAUTHENTICATED",
        "Send Authorization: Bearer with METRICS_TOKEN or an admin's API token.",
      );
    }
    assertAdminCaller(await identify(request, counted));
    return handler(request);
  });
}

async function identify(request: NextRequest, counted: (decision: RateDecision) => void): Promise<Actor> {
  const bearer = hasBearer(request.headers);
  if (!bearer && !SAFE_METHODS.has(request.method)) assertSameOrigin(request.headers);
  const ip = ipOf(request);
  if (bearer) assertGuessBudget(ip);
  let actor: Actor | null;
  try {
    actor = await authenticate(request.headers, ip);
  } catch (error) {
    // A token that is not valid counts against its address's budget of failed attempts (see assertGuessBudget).
    if (error instanceof AppError && error.code === "UNAUTHENTICATED") counted(limit("failed", ip));
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
