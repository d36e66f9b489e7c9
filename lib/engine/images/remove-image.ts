// Use case: an admin removes an image (by id or by repo:tag). An image a template launches from is refused, force or
// not: every new workspace of that template would fail. Untagging a tag no template names is fine while another tag
// keeps the image. Without force the engine refuses an image containers were made from (its message says which).
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { engineCall } from "@/lib/engine/engine-call";
import { engineImages, findImage } from "@/lib/engine/images/engine-images";
import { type RemovedImageView, withTag } from "@/lib/engine/images/image-view";
import { templateImages, templatesOf } from "@/lib/engine/images/template-images";
import { AppError } from "@/lib/errors";
import { SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";

type RemoveAnswer = { Untagged?: string; Deleted?: string }[];

export async function removeImage({
  actor,
  image: reference,
  force = false,
}: {
  actor: Actor;
  /** An image id (full or short) or a repo:tag. */
  image: string;
  force?: boolean;
}): Promise<RemovedImageView> {
  return audited(
    actor,
    { action: "engine.image.remove", target: { type: "image", id: reference } },
    async (draft) => {
      assertAdmin(actor);
      draft.details = { force };
      const uses = templateImages();
      const found = findImage(await engineImages(uses), reference);
      if (!found)
        throw new AppError("ENGINE_OBJECT_NOT_FOUND", `There is no image ${reference} on the engine.`);
      draft.target = { type: "image", id: found.id, name: found.repo_tags[0] ?? found.id.slice(7, 19) };
      const byTag = found.repo_tags.includes(withTag(reference)) ? withTag(reference) : null;
      // Only a tag no template names may go from a template's image: the image stays under its other names.
      const untagOnly = byTag !== null && !force && found.repo_tags.length > 1;
      const tagServes = byTag ? templatesOf(await uses, { id: "", repoTags: [byTag] }) : [];
      if (found.templates.length > 0 && !(untagOnly && tagServes.length === 0))
        throw new AppError(
          "IN_USE",
          `Templates or workspaces launch from this image (${found.templates.join(", ")}): change them to another image first.`,
          { data: { templates: found.templates } },
        );
      const answer = (await engineCall(
        "remove the image",
        (opts) =>
          getDocker()
            .getImage(byTag ?? found.id)
            .remove({ ...opts, force }),
        { what: `image ${reference}`, timeoutMs: SLOW_CALL_MS },
      )) as RemoveAnswer;
      const view = {
        id: found.id,
        untagged: answer.flatMap((item) => (item.Untagged ? [item.Untagged] : [])),
        deleted: answer.flatMap((item) => (item.Deleted ? [item.Deleted] : [])),
      };
      draft.details = { force, untagged: view.untagged.length, deleted: view.deleted.length };
      return view;
    },
  );
}
