// Use case: the engine's images for the Images tab: tags, size, age, the containers made from each and the templates
// that launch from each, newest first.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { engineImages } from "@/lib/engine/images/engine-images";
import type { ImageView } from "@/lib/engine/images/image-view";

export async function listImages({ actor }: { actor: Actor }): Promise<ImageView[]> {
  assertAdmin(actor);
  return (await engineImages()).map(({ labels: _labels, repoDigests: _digests, ...view }) => view);
}
