// Admin verbs authorize inside the use case too (not only in withAdmin/adminAction): no caller can forget it.
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";

/** Anyone but an admin gets the same 404 as a path that does not exist. */
export function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new AppError("NOT_FOUND", "There is no such API endpoint.");
}
