// Admin use cases check the actor themselves (not only their route or action): no caller can forget it, and anyone
// else is told the thing does not exist — the same 404 as a path that does not exist, so nothing can be probed.
import type { Actor } from "@/lib/auth/actor";
import { isAdmin, requireScope } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";

export function adminNotFound(): AppError {
  return new AppError("NOT_FOUND", "There is no such API endpoint.");
}

export function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw adminNotFound();
}

/** The admin API's own check of its caller (before the use case's): 404 for anyone but an admin, and an admin's
 * token without the admin scope is 403 INSUFFICIENT_SCOPE (the path exists for them). */
export function assertAdminCaller(actor: Actor): void {
  if (actor.role !== "ADMIN") throw adminNotFound();
  requireScope(actor, "admin");
}
