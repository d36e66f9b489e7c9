// A stack as the engine holds it: the containers, networks and volumes whose com.docker.compose.project label names
// it, whoever made them (this app, docker compose on the host, Portainer …). Three labelled lists, nothing more.
import "server-only";
import { configuredImages } from "@/lib/engine/containers/configured-images";
import { dockerCall } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";

export const PROJECT_LABEL = "com.docker.compose.project";
export const SERVICE_LABEL = "com.docker.compose.service";

export type StackContainer = {
  id: string;
  name: string;
  image: string;
  service: string;
  /** The engine's state: running, exited, created, paused, restarting, dead. */
  state: string;
  /** The engine's words: "Up 3 minutes", "Exited (0) 2 seconds ago". */
  status: string;
  createdAt: number;
  labels: Record<string, string>;
};

export type StackObjects = {
  name: string;
  containers: StackContainer[];
  networks: { id: string; name: string }[];
  volumes: { name: string }[];
};

function stackOf(stacks: Map<string, StackObjects>, name: string): StackObjects {
  let stack = stacks.get(name);
  if (!stack) {
    stack = { name, containers: [], networks: [], volumes: [] };
    stacks.set(name, stack);
  }
  return stack;
}

/** Every stack on the engine (or only `name`'s), by name; one that has nothing left is not there. */
export async function readStacks(name?: string): Promise<Map<string, StackObjects>> {
  const docker = getDocker();
  const label = [name ? `${PROJECT_LABEL}=${name}` : PROJECT_LABEL];
  const [containers, networks, volumes] = await Promise.all([
    dockerCall("list the stacks' containers", (opts) =>
      docker.listContainers({ ...opts, all: true, filters: { label } }),
    ),
    dockerCall("list the stacks' networks", (opts) => docker.listNetworks({ ...opts, filters: { label } })),
    dockerCall("list the stacks' volumes", (opts) => docker.listVolumes({ ...opts, filters: { label } })),
  ]);
  const images = await configuredImages(containers);
  const stacks = new Map<string, StackObjects>();
  for (const container of containers) {
    const labels = container.Labels ?? {};
    stackOf(stacks, labels[PROJECT_LABEL] ?? "").containers.push({
      id: container.Id,
      name: (container.Names?.[0] ?? container.Id).replace(/^\//, ""),
      // The configured name, not the id the list gives once the tag moved: protection is judged on it.
      image: images.get(container.Id) ?? container.Image,
      service: labels[SERVICE_LABEL] ?? "",
      state: container.State,
      status: container.Status,
      createdAt: container.Created * 1000,
      labels,
    });
  }
  for (const network of networks)
    stackOf(stacks, network.Labels?.[PROJECT_LABEL] ?? "").networks.push({
      id: network.Id,
      name: network.Name,
    });
  for (const volume of volumes.Volumes ?? [])
    stackOf(stacks, volume.Labels?.[PROJECT_LABEL] ?? "").volumes.push({ name: volume.Name });
  stacks.delete("");
  return stacks;
}

/** One stack, or null when the engine holds nothing of it. */
export async function readStack(name: string): Promise<StackObjects | null> {
  return (await readStacks(name)).get(name) ?? null;
}
