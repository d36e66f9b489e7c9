// Overlay networks need a Swarm: is this engine an active manager of one.
import "server-only";
import { engineCall, withSignal } from "@/lib/engine/engine-call";
import { getDocker } from "@/lib/runtime/docker/client";

export async function isSwarmManager(): Promise<boolean> {
  const docker = getDocker();
  const info = await engineCall(
    "read the engine's facts",
    withSignal<{ Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean } }>(docker.info.bind(docker)),
  );
  return info.Swarm?.LocalNodeState === "active" && info.Swarm?.ControlAvailable === true;
}
