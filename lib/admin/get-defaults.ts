// Admin use case: the container defaults, as stored and in effect.
import "server-only";
import { type DefaultsView, defaultsView } from "@/lib/admin/defaults-view";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/authorize";
import { adminNotFound } from "@/lib/auth/session";

export async function getDefaults({ actor }: { actor: Actor }): Promise<DefaultsView> {
  if (!isAdmin(actor)) throw adminNotFound();
  return defaultsView();
}
