// Use case: an admin removes unused volumes one by one: none a container mounts, none of this app's and none of a
// Compose stack's (never the engine's own prune, which would delete every stopped workspace's data). Anonymous ones
// only (the default, as docker 23+ prunes) or named ones too; `label` narrows it further.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { engineCall } from "@/lib/engine/engine-call";
import { pruneEach } from "@/lib/engine/prune-each";
import { PROJECT_LABEL } from "@/lib/engine/stacks/stack-objects";
import { labelsMatch } from "@/lib/engine/system/labels-match";
import { engineVolumes, isAnonymous } from "@/lib/engine/volumes/engine-volumes";
import type { PrunedVolumesView } from "@/lib/engine/volumes/volume-view";
import { SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";

export async function pruneVolumes({
  actor,
  all = false,
  label,
}: {
  actor: Actor;
  /** Named volumes too; without it only anonymous ones. */
  all?: boolean;
  /** "key" or "key=value": only volumes carrying that label. */
  label?: string;
}): Promise<PrunedVolumesView> {
  return audited(actor, { action: "engine.volume.prune", target: { type: "volume" } }, async (draft) => {
    assertAdmin(actor);
    draft.details = { all, ...(label ? { label } : {}) };
    const unused = (await engineVolumes()).filter(
      (volume) =>
        volume.ref_count === 0 &&
        volume.containers.length === 0 &&
        volume.belongs_to === null &&
        // A stack's named volume outlives a stop or a down without its volumes: the stacks page removes it.
        !(PROJECT_LABEL in volume.labels) &&
        (all || isAnonymous(volume.name)) &&
        labelsMatch(volume.labels, label),
    );
    // A container that started using one meanwhile keeps it: the engine says so.
    const { removed, failed } = await pruneEach(unused, (volume) =>
      engineCall("remove the volume", (opts) => getDocker().getVolume(volume.name).remove(opts), {
        what: `volume ${volume.name}`,
        timeoutMs: SLOW_CALL_MS,
      }),
    );
    const view: PrunedVolumesView = {
      removed: removed.map((volume) => volume.name),
      count: removed.length,
      reclaimed_bytes: removed.reduce((sum, volume) => sum + (volume.size_bytes ?? 0), 0),
      failed: failed.map(({ item, message }) => ({ name: item.name, message })),
    };
    draft.details = { ...draft.details, count: view.count, reclaimed_bytes: view.reclaimed_bytes };
    return view;
  });
}
