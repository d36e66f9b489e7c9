// Use case: an admin creates a volume. An existing name is refused (the engine would silently hand back the old
// one), and so are this app's own labels: a volume made here must never pass for a workspace's data.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { engineCall } from "@/lib/engine/engine-call";
import { refuseOwnLabels } from "@/lib/engine/refuse-own-labels";
import { type VolumeInfo, volumeRow } from "@/lib/engine/volumes/engine-volumes";
import { ownerByLabels } from "@/lib/engine/volumes/volume-owners";
import type { VolumeView } from "@/lib/engine/volumes/volume-view";
import { AppError } from "@/lib/errors";
import { getDocker } from "@/lib/runtime/docker/client";
import { volumeExists } from "@/lib/runtime/docker/volumes";

export async function createVolume({
  actor,
  input,
}: {
  actor: Actor;
  input: { name: string; driver: string; labels: Record<string, string> };
}): Promise<VolumeView> {
  const { name, driver, labels } = input;
  return audited(
    actor,
    { action: "engine.volume.create", target: { type: "volume", id: name, name } },
    async (draft) => {
      assertAdmin(actor);
      draft.details = { driver, labels: Object.keys(labels).length };
      refuseOwnLabels(labels);
      const docker = getDocker();
      if (await volumeExists(docker, name))
        throw new AppError("NAME_TAKEN", `There is a volume ${name} already.`);
      await engineCall("create the volume", (opts) =>
        docker.createVolume({ ...opts, Name: name, Driver: driver, Labels: labels }),
      );
      // Just made: no container mounts it, df has not measured it, and whose it is is in its labels.
      const info = (await engineCall("look up the volume", (opts) => docker.getVolume(name).inspect(opts), {
        what: `volume ${name}`,
      })) as VolumeInfo;
      return volumeRow(info, { containers: [], owner: ownerByLabels(info.Labels ?? {}) });
    },
  );
}
