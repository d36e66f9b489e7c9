// Use case: an admin removes a network. Refused for the protected ones (the engine's own, the workspaces' network,
// this app's, the app container's) and while any container is configured on it, naming them: a stopped workspace
// would not start again.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { engineCall } from "@/lib/engine/engine-call";
import { engineNetworks, findNetwork } from "@/lib/engine/networks/engine-networks";
import { AppError } from "@/lib/errors";
import { getDocker } from "@/lib/runtime/docker/client";

export async function removeNetwork({
  actor,
  id,
}: {
  actor: Actor;
  id: string;
}): Promise<{ id: string; name: string }> {
  return audited(
    actor,
    { action: "engine.network.remove", target: { type: "network", id } },
    async (draft) => {
      assertAdmin(actor);
      const network = findNetwork(await engineNetworks(), id);
      if (!network) throw new AppError("ENGINE_OBJECT_NOT_FOUND", `There is no network ${id} on the engine.`);
      draft.target = { type: "network", id: network.id, name: network.name };
      if (network.protected)
        throw new AppError("PROTECTED", `Network ${network.name} is protected: ${network.protected}`);
      if (network.containers.length > 0)
        throw new AppError(
          "IN_USE",
          `Containers are attached to ${network.name}: ${network.containers.join(", ")}.`,
          {
            data: { containers: network.containers },
          },
        );
      await engineCall("remove the network", (opts) => getDocker().getNetwork(network.id).remove(opts), {
        what: `network ${id}`,
      });
      return { id: network.id, name: network.name };
    },
  );
}
