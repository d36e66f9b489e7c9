// Is an image present on the engine. A found image is remembered briefly: launches skip the lookup, and create
// still reports an image that vanished since.
import "server-only";
import type Docker from "dockerode";
import { dockerCall } from "@/lib/runtime/docker/call";

const IMAGE_FOUND_TTL_MS = 60_000;
const foundImages = new Map<string, number>();

export async function imageExists(docker: Docker, image: string): Promise<boolean> {
  if ((foundImages.get(image) ?? 0) > Date.now()) return true;
  // listImages takes an abort signal (image inspect does not); "reference" matches name:tag exactly.
  const reference = image.includes(":") || image.includes("@") ? image : `${image}:latest`;
  const images = await dockerCall("look up the image", (opts) =>
    docker.listImages({ ...opts, filters: { reference: [reference] } }),
  );
  if (images.length > 0) foundImages.set(image, Date.now() + IMAGE_FOUND_TTL_MS);
  return images.length > 0;
}

/** An image's inspect answer, bounded like every call (image inspect takes no abort signal: the timeout still bounds
 * the wait for its answer). */
export async function inspectImage<T = Docker.ImageInspectInfo>(docker: Docker, image: string): Promise<T> {
  return dockerCall("look up the image", (opts) =>
    Promise.race([
      docker.getImage(image).inspect() as Promise<T>,
      new Promise<never>((_, reject) =>
        opts.abortSignal.addEventListener("abort", () => reject(opts.abortSignal.reason), { once: true }),
      ),
    ]),
  );
}
