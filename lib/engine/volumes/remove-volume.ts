// Use case: an admin removes a volume. Refused while any container (running or not) mounts it, naming them, and for
// this app's data (a workspace's, a kept one, an orphan of ours, the app's own): those go through their own pages,
// which know whose data it is.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { engineCall } from "@/lib/engine/engine-call";
import { engineVolumes } from "@/lib/engine/volumes/engine-volumes";
import { protectionMessage } from "@/lib/engine/volumes/volume-owners";
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
      const volume = (await engineVolumes()).find((candidate) => candidate.name === name);
      if (!volume) throw new AppError("ENGINE_OBJECT_NOT_FOUND", `There is no volume ${name} on the engine.`);
      if (volume.belongs_to) {
        draft.details = { belongs_to: volume.belongs_to.kind };
        throw new AppError("PROTECTED", protectionMessage(volume.belongs_to));
      }
      if (volume.containers.length > 0)
        throw new AppError("IN_USE", `Containers use this volume: ${volume.containers.join(", ")}.`, {
          data: { containers: volume.containers },
        });
      draft.details = { size_bytes: volume.size_bytes };
      await engineCall("remove the volume", (opts) => getDocker().getVolume(name).remove(opts), {
        what: `volume ${name}`,
        timeoutMs: SLOW_CALL_MS,
      });
      return { name };
    },
  );
}
