// Server actions return data, never throw: { ok, data } or { ok: false, error: { code, message } }.
import "server-only";
import { type Actor, actorFromSessionUser } from "@/lib/auth/actor";
import { requestIp } from "@/lib/auth/request-ip";
import { requireAdmin, requireUser, type SessionUser } from "@/lib/auth/session";
import { describeError, type ErrorBody } from "@/lib/errors";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody["error"] };

/** Runs an action body for the signed-in user; identity is checked before anything else. */
export function userAction<T>(work: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  return run(requireUser, work);
}

/** Runs an admin action: UNAUTHENTICATED without a session, NOT_FOUND for anyone but an admin. */
export function adminAction<T>(work: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  return run(requireAdmin, work);
}

async function run<T>(
  identify: () => Promise<SessionUser>,
  work: (actor: Actor) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work(actorFromSessionUser(await identify(), await requestIp())) };
  } catch (error) {
    const { body } = describeError(error, "action");
    return { ok: false, error: body.error };
  }
}
