// Use case: an admin removes a volume. Refused while any container (running or not) mounts it, naming them, and for
// this app's data (a workspace's, a kept one, an orphan of ours, the app's own): those go through their own pages,
// which know whose data it is.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { engineCall } from "@/lib/engine/engine-call";
import { containerName, type VolumeInfo } from "@/lib/engine/volumes/engine-volumes";
import { protectionMessage, volumeOwners } from "@/lib/engine/volumes/volume-owners";
import { AppError } from "@/lib/errors";
import { SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";

export async function removeVolume({
  actor,
  name,
}: {
  actor: Actor;
  name: string;
}): Promise<{ name: string }> {
  return audited(
    actor,
    { action: "engine.volume.remove", target: { type: "volume", id: name, name } },
    async (draft) => {
      assertAdmin(actor);
      const docker = getDocker();
      const what = `volume ${name}`;
      const [volume, users, ownerOf] = await Promise.all([
        engineCall("look up the volume", (opts) => docker.getVolume(name).inspect(opts), { what }),
        engineCall("list the containers", (opts) =>
          docker.listContainers({ ...opts, all: true, filters: { volume: [name] } }),
        ),
        volumeOwners([name]),
      ]);
      const owner = ownerOf(name, (volume as VolumeInfo).Labels ?? {});
      if (owner) {
        draft.details = { belongs_to: owner.kind };
        throw new AppError("PROTECTED", protectionMessage(owner));
      }
      const containers = users.map(containerName).sort();
      if (containers.length > 0)
        throw new AppError("IN_USE", `Containers use this volume: ${containers.join(", ")}.`, {
          data: { containers },
        });
      await engineCall("remove the volume", (opts) => docker.getVolume(name).remove(opts), {
        what,
        timeoutMs: SLOW_CALL_MS,
      });
      return { name };
    },
  );
}
