// Overlay networks need a Swarm: is this engine an active manager of one.
import "server-only";
import { engineCall, withSignal } from "@/lib/engine/engine-call";
import { getDocker } from "@/lib/runtime/docker/client";
import { isActiveManager, type SwarmInfo } from "@/lib/runtime/swarm/cluster";

export async function isSwarmManager(): Promise<boolean> {
  const docker = getDocker();
  const info = await engineCall(
    "read the engine's facts",
    withSignal<{ Swarm?: SwarmInfo }>(docker.info.bind(docker)),
  );
  return isActiveManager(info.Swarm);
}
