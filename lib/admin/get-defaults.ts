// Admin use case: the container defaults, as stored and in effect.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { type DefaultsView, defaultsView } from "@/lib/admin/defaults-view";
import type { Actor } from "@/lib/auth/actor";

export async function getDefaults({ actor }: { actor: Actor }): Promise<DefaultsView> {
  assertAdmin(actor);
  return defaultsView();
}
