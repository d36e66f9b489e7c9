// The workload network on a Swarm: an attachable overlay spanning the nodes (Traefik's swarm provider and the app's
// own service join it too), created when missing, remembered once seen.
import "server-only";
import type Docker from "dockerode";
import { AppError } from "@/lib/errors";
import { dockerCall } from "@/lib/runtime/docker/call";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";
import { oncePerName } from "@/lib/runtime/once-per-name";

const overlays = oncePerName();

export function ensureOverlay(docker: Docker, name: string): Promise<void> {
  return overlays.ensure(name, () => lookUpOrCreate(docker, name));
}

async function lookUpOrCreate(docker: Docker, name: string): Promise<void> {
  const networks = (await dockerCall("look up the network", (opts) =>
    docker.listNetworks({ ...opts, filters: { name: [name] } }),
  )) as { Name: string; Driver: string; Scope?: string }[];
  const found = networks.find((network) => network.Name === name);
  if (found && found.Scope !== "swarm")
    throw new AppError(
      "CONTAINER_ENGINE_ERROR",
      `The network "${name}" is a ${found.Driver} network on one node; RUNTIME=swarm needs an overlay of that name (or set CONTAINER_NETWORK to another name).`,
    );
  if (!found)
    await dockerCall("create the network", (opts) =>
      orNull(
        docker.createNetwork({
          ...opts,
          Name: name,
          Driver: "overlay",
          Attachable: true,
          CheckDuplicate: true,
        }),
        hasStatus(409),
      ),
    );
}
