// Use case: an admin removes unused images: each image no container was made from and no template launches from,
// one by one. Never the engine's own prune, which knows nothing of templates and would take an image a template
// launches from the moment no workspace of it exists. Dangling ones only (the default) or every unused one; `label`
// narrows it further (a test, or a team's own images).
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { engineImages } from "@/lib/engine/images/engine-images";
import type { PrunedImagesView } from "@/lib/engine/images/image-view";
import { engineCall } from "@/lib/engine/system/engine-call";
import { labelsMatch } from "@/lib/engine/system/labels-match";
import { layersSize } from "@/lib/engine/system/layers-size";
import { AppError } from "@/lib/errors";
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
    const view: PrunedImagesView = { removed: [], count: 0, reclaimed_bytes: 0, failed: [] };
    for (const image of unused) {
      try {
        // Several tags: each untagged without force (the last takes the image), so a container made from it since
        // the listing keeps it; force would take it from under that container.
        for (const name of image.repo_tags.length > 1 ? image.repo_tags : [image.id])
          await engineCall("remove the image", (opts) => getDocker().getImage(name).remove(opts), {
            what: `image ${image.id}`,
            timeoutMs: SLOW_CALL_MS,
          });
        view.removed.push({ id: image.id, repo_tags: image.repo_tags });
      } catch (error) {
        // Gone meanwhile is what we wanted; a child image or a new container keeps it, and the admin is told.
        if (error instanceof AppError && error.code === "ENGINE_OBJECT_NOT_FOUND") continue;
        view.failed.push({
          id: image.id,
          message: error instanceof AppError ? error.message : "not removed",
        });
      }
    }
    view.count = view.removed.length;
    view.reclaimed_bytes = view.count > 0 ? Math.max(0, before - (await layersSize())) : 0;
    draft.details = { ...draft.details, count: view.count, reclaimed_bytes: view.reclaimed_bytes };
    return view;
  });
}
