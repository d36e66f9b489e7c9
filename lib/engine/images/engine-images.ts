// The engine's images with the containers made from each and the templates that use each: what list, remove and
// prune all decide on.
import "server-only";
import { engineCall } from "@/lib/engine/engine-call";
import { canonical, type ImageView, withTag } from "@/lib/engine/images/image-view";
import { templateImages, templatesOf } from "@/lib/engine/images/template-images";
import { getDocker } from "@/lib/runtime/docker/client";

/** repoDigests: name@sha256:… (what a digest-pinned reference names); an image without tags and digests is dangling. */
export type EngineImage = ImageView & { labels: Record<string, string>; repoDigests: string[] };

const isTag = (tag: string) => tag !== "<none>:<none>";

/** `templates`: the templates' images when the caller reads them too (read once, while the engine is listed). */
export async function engineImages(
  templates: Promise<Map<string, string[]>> = templateImages(),
): Promise<EngineImage[]> {
  const docker = getDocker();
  const [images, containers, uses] = await Promise.all([
    engineCall("list the images", (opts) => docker.listImages({ ...opts, all: false })),
    engineCall("list the containers", (opts) => docker.listContainers({ ...opts, all: true })),
    templates,
  ]);
  const users = new Map<string, string[]>();
  for (const container of containers) {
    const name = (container.Names?.[0] ?? container.Id).replace(/^\//, "");
    users.set(container.ImageID, [...(users.get(container.ImageID) ?? []), name]);
  }
  return images
    .map((image) => {
      const repoTags = (image.RepoTags ?? []).filter(isTag).map(withTag);
      const repoDigests = (image.RepoDigests ?? []).filter((digest) => !digest.includes("<none>"));
      const names = (users.get(image.Id) ?? []).sort();
      return {
        id: image.Id,
        repo_tags: repoTags,
        size_bytes: Math.max(0, image.Size ?? 0),
        created_at: new Date((image.Created ?? 0) * 1000).toISOString(),
        containers: { count: names.length, names },
        templates: templatesOf(uses, { id: image.Id, repoTags, repoDigests }),
        // As the engine's own prune: an image still named by a digest is not dangling.
        dangling: repoTags.length === 0 && repoDigests.length === 0,
        labels: image.Labels ?? {},
        repoDigests,
      };
    })
    .sort((a, b) => b.created_at.localeCompare(a.created_at));
}

/** Finds one image by id (full or short), by repo:tag, by name@digest, or by a bare name (its :latest). */
export function findImage(images: EngineImage[], idOrReference: string): EngineImage | undefined {
  const bare = idOrReference.replace(/^sha256:/, "");
  const byId = /^[0-9a-f]{12,64}$/.test(bare)
    ? images.find((image) => image.id.replace(/^sha256:/, "").startsWith(bare))
    : undefined;
  if (byId) return byId;
  if (idOrReference.includes("@")) {
    const digest = canonical(idOrReference);
    return images.find((image) => image.repoDigests.some((name) => canonical(name) === digest));
  }
  return images.find((image) => image.repo_tags.includes(withTag(idOrReference)));
}
