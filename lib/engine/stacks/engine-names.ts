// The names of the volumes and networks on the engine now, whoever made them: what a deploy must not take over.
import "server-only";
import { dockerCall } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";

export type EngineNames = { volumes: Set<string>; networks: Set<string> };

export async function engineNames(): Promise<EngineNames> {
  const docker = getDocker();
  const [volumes, networks] = await Promise.all([
    dockerCall("list the engine's volumes", (opts) => docker.listVolumes(opts)),
    dockerCall("list the engine's networks", (opts) => docker.listNetworks(opts)),
  ]);
  return {
    volumes: new Set((volumes.Volumes ?? []).map((volume) => volume.Name)),
    networks: new Set(networks.map((network) => network.Name)),
  };
}
