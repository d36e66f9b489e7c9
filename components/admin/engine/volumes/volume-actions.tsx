"use client";

import { ConfirmEngineAction } from "@/components/admin/engine/system/confirm-engine-action";
import { formatBytes } from "@/components/workspaces/format";
import type { PrunedVolumesView, VolumeView } from "@/lib/engine/volumes/volume-view";

/** Remove one volume; this app's data and a volume in use are refused by the server, so the button says why first. */
export function RemoveVolumeButton({
  volume,
}: {
  volume: Pick<VolumeView, "name" | "containers" | "belongs_to">;
}) {
  const reason = volume.belongs_to
    ? "This app's data: remove it through its workspace or the orphans page."
    : volume.containers.length > 0
      ? `Mounted by ${volume.containers.join(", ")}.`
      : undefined;
  return (
    <ConfirmEngineAction
      label="Remove"
      title={`Remove volume ${volume.name}?`}
      description="Its data is deleted for good."
      request={() => ({
        method: "DELETE",
        path: `/api/v1/admin/engine/volumes/${encodeURIComponent(volume.name)}`,
      })}
      disabled={reason !== undefined}
      disabledReason={reason}
      testId="remove-volume"
    />
  );
}

export function PruneVolumesButton() {
  return (
    <ConfirmEngineAction<PrunedVolumesView>
      label="Prune"
      title="Remove unused volumes?"
      description="Volumes no container mounts are deleted with their data, one by one; this app's data (workspaces', kept and orphaned volumes) never is. Without the box only anonymous volumes go."
      option={{ label: "Named volumes too" }}
      request={(all) => ({ method: "POST", path: "/api/v1/admin/engine/volumes/prune", body: { all } })}
      describe={(result) =>
        `Removed ${result.count} volume(s), ${formatBytes(result.reclaimed_bytes)} reclaimed.`
      }
      testId="prune-volumes"
    />
  );
}
