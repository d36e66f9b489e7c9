"use client";

import { ConfirmEngineAction } from "@/components/admin/engine/system/confirm-engine-action";
import { shortId } from "@/components/admin/engine/system/format";
import { formatBytes } from "@/components/workspaces/format";
import type { ImageView, PrunedImagesView } from "@/lib/engine/images/image-view";

/** Remove one image, force optional; a template's image is refused by the server, so the button says why first. */
export function RemoveImageButton({
  image,
}: {
  image: Pick<ImageView, "id" | "repo_tags" | "templates" | "containers">;
}) {
  const name = image.repo_tags[0] ?? shortId(image.id);
  const templates = image.templates.join(", ");
  return (
    <ConfirmEngineAction
      label="Remove"
      title={`Remove ${name}?`}
      description={
        image.containers.count > 0
          ? `${image.containers.count} container(s) were made from it (${image.containers.names.join(", ")}): the engine refuses unless forced, and refuses a running one's image even then.`
          : "Every tag of it goes, and its layers unless another image shares them."
      }
      option={{ label: "Force (untag every name, even with stopped containers made from it)" }}
      request={(force) => ({
        method: "DELETE",
        path: `/api/v1/admin/engine/images/${encodeURIComponent(image.id)}${force ? "?force=true" : ""}`,
      })}
      disabled={image.templates.length > 0}
      disabledReason={`Templates launch from it: ${templates}`}
      testId="remove-image"
    />
  );
}

export function PruneImagesButton() {
  return (
    <ConfirmEngineAction<PrunedImagesView>
      label="Prune"
      title="Remove unused images?"
      description="Images no container was made from and no template launches from are removed, one by one. Without the box only dangling (untagged) ones go."
      option={{ label: "Every unused image, tagged ones too" }}
      request={(all) => ({ method: "POST", path: "/api/v1/admin/engine/images/prune", body: { all } })}
      describe={(result) =>
        `Removed ${result.count} image(s), ${formatBytes(result.reclaimed_bytes)} reclaimed.` +
        (result.failed.length > 0
          ? ` ${result.failed.length} kept by the engine: ${result.failed[0]?.message}`
          : "")
      }
      testId="prune-images"
    />
  );
}
