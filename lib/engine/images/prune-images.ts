// Use case: an admin removes unused images: each image no container was made from and no template launches from,
// one by one. Never the engine's own prune, which knows nothing of templates and would take an image a template
// launches from the moment no workspace of it exists. Dangling ones only (the default) or every unused one; `label`
// narrows it further (a test, or a team's own images).
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { engineCall } from "@/lib/engine/engine-call";
import { engineImages } from "@/lib/engine/images/engine-images";
import type { PrunedImagesView } from "@/lib/engine/images/image-view";
import { pruneEach } from "@/lib/engine/prune-each";
import { labelsMatch } from "@/lib/engine/system/labels-match";
import { layersSize } from "@/lib/engine/system/layers-size";
import { SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";

export async function pruneImages({
  actor,
  all = false,
  label,
}: {
  actor: Actor;
  /** Every unused image, tagged ones too; without it only dangling (untagged) ones. */
  all?: boolean;
  /** "key" or "key=value": only images carrying that label. */
  label?: string;
}): Promise<PrunedImagesView> {
  return audited(actor, { action: "engine.image.prune", target: { type: "image" } }, async (draft) => {
    assertAdmin(actor);
    draft.details = { all, ...(label ? { label } : {}) };
    const before = await layersSize();
    const unused = (await engineImages()).filter(
      (image) =>
        image.containers.count === 0 &&
        image.templates.length === 0 &&
        (all || image.dangling) &&
        labelsMatch(image.labels, label),
    );
    // Several tags: each untagged without force (the last takes the image), so a container made from it since the
    // listing keeps it; force would take it from under that container. A child image or a new container keeps one,
    // and the admin is told.
    const { removed, failed } = await pruneEach(unused, async (image) => {
      for (const name of image.repo_tags.length > 1 ? image.repo_tags : [image.id])
        await engineCall("remove the image", (opts) => getDocker().getImage(name).remove(opts), {
          what: `image ${image.id}`,
          timeoutMs: SLOW_CALL_MS,
        });
    });
    const view: PrunedImagesView = {
      removed: removed.map((image) => ({ id: image.id, repo_tags: image.repo_tags })),
      count: removed.length,
      reclaimed_bytes: removed.length > 0 ? Math.max(0, before - (await layersSize())) : 0,
      failed: failed.map(({ item, message }) => ({ id: item.id, message })),
    };
    draft.details = { ...draft.details, count: view.count, reclaimed_bytes: view.reclaimed_bytes };
    return view;
  });
}
