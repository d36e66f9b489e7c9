// The engine objects the app's own container holds: its networks and the volumes mounted into it. Removing one
// takes the platform down (its database lives on one), so the engine pages refuse to.
import "server-only";
import { engineCall } from "@/lib/engine/engine-call";
import { ownContainerRef } from "@/lib/engine/self";
import { AppError } from "@/lib/errors";
import { getDocker } from "@/lib/runtime/docker/client";
import { orNull } from "@/lib/runtime/docker/errors";

export type OwnObjects = { networks: Set<string>; volumes: Set<string> };

/** Network names and ids, volume names; empty when the app runs on the host. */
export async function ownObjects(): Promise<OwnObjects> {
  const own = ownContainerRef();
  const found: OwnObjects = { networks: new Set(), volumes: new Set() };
  if (!own) return found;
  const info = await orNull(
    engineCall("look up the app's own container", (opts) => getDocker().getContainer(own).inspect(opts)),
    (error) => error instanceof AppError && error.code === "ENGINE_OBJECT_NOT_FOUND",
  );
  for (const [name, network] of Object.entries(info?.NetworkSettings?.Networks ?? {})) {
    found.networks.add(name);
    if (network.NetworkID) found.networks.add(network.NetworkID);
  }
  for (const mount of info?.Mounts ?? [])
    if (mount.Type === "volume" && mount.Name) found.volumes.add(mount.Name);
  return found;
}
