// Use case: the engine's volumes for the Volumes tab: size and users, and the workspace (and owner) a volume holds.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { engineVolumes } from "@/lib/engine/volumes/engine-volumes";
import type { VolumeView } from "@/lib/engine/volumes/volume-view";

export async function listVolumes({ actor }: { actor: Actor }): Promise<VolumeView[]> {
  assertAdmin(actor);
  return engineVolumes();
}
