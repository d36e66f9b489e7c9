// The image each listed container was made from, by the name it was given ("traefik:v3"). Once that tag moves to a
// newer image the engine's list reports the old image's id (sha256:…) instead, while inspect keeps the configured
// name: protection (Traefik is known by its image) is judged on that name, by the containers and stacks pages alike.
import "server-only";
import { engineCall } from "@/lib/engine/engine-call";
import { AppError } from "@/lib/errors";
import { getDocker } from "@/lib/runtime/docker/client";

const IMAGE_ID = /^(?:sha256:)?[0-9a-f]{12,64}$/;

/** What the list says when it no longer has a name for the image: an id, full or short, with or without sha256:. */
export function isImageId(image: string): boolean {
  return IMAGE_ID.test(image);
}

type Listed = { Id: string; Image: string };

// Only containers whose tag moved are inspected (rarely more than a few), a handful at a time.
const AT_ONCE = 8;

async function configuredImage(container: Listed): Promise<string> {
  try {
    const inspected = await engineCall("inspect a listed container", (opts) =>
      getDocker().getContainer(container.Id).inspect(opts),
    );
    return inspected.Config.Image || container.Image;
  } catch (error) {
    // Removed between the list and now: the list's word is all there is, and it is gone anyway.
    if (error instanceof AppError && error.code === "ENGINE_OBJECT_NOT_FOUND") return container.Image;
    throw error;
  }
}

/** The configured image name of every listed container, by container id. */
export async function configuredImages(listed: readonly Listed[]): Promise<Map<string, string>> {
  const images = new Map(listed.map((container) => [container.Id, container.Image]));
  const unnamed = listed.filter((container) => isImageId(container.Image));
  for (let i = 0; i < unnamed.length; i += AT_ONCE) {
    const batch = unnamed.slice(i, i + AT_ONCE);
    const names = await Promise.all(batch.map(configuredImage));
    for (const [index, container] of batch.entries())
      images.set(container.Id, names[index] ?? container.Image);
  }
  return images;
}
