// Admin use cases check the actor themselves (not only their route): anyone else is told the thing does not exist.
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";

export function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new AppError("NOT_FOUND", "There is no such API endpoint.");
}
