// Raw Docker work for the bench. Create options come from the app's own pure spec builders, so the raw
// baseline runs exactly the HostConfig (Init, CapDrop ALL, no-new-privileges, limits, loopback port) the app uses.
import { randomBytes } from "node:crypto";
import Docker from "dockerode";
import { containerSpecFor, type Owner } from "@/lib/containers/container-spec-for";
import type { Env } from "@/lib/env";
import { buildCreateOptions } from "@/lib/runtime/container-spec";
import { type ContainerType, templatesFrom } from "@/lib/templates/registry";
import { mapPool, pollUntil200 } from "./util";

export const docker = new Docker();

export function createOptions(env: Env, owner: Owner, type: ContainerType) {
  return buildCreateOptions(containerSpecFor(env, owner, templatesFrom(env)[type]));
}

/** A: create + start + inspect for the port, then poll until 200; timed from before create to the 200. */
export async function rawLaunch(env: Env): Promise<{ ms: number; id: string }> {
  const tag = randomBytes(4).toString("hex");
  const options = createOptions(env, { id: `raw${tag}`, slug: `raw-${tag}` }, "dev");
  const started = performance.now();
  const container = await docker.createContainer(options);
  await container.start();
  const info = await container.inspect();
  const port = info.NetworkSettings.Ports[`${env.USER_TEMPLATE_PORT_DEV}/tcp`]?.[0]?.HostPort;
  if (!port) throw new Error(`raw container ${container.id} has no published port`);
  await pollUntil200(`http://127.0.0.1:${port}/`);
  return { ms: performance.now() - started, id: container.id };
}

export async function removeContainer(id: string): Promise<void> {
  try {
    await docker.getContainer(id).remove({ force: true, v: true });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
}

/** Everything carrying our managed-by label, whoever made it (raw baseline, app, filler). */
export async function removeLabelled(prefix: string): Promise<number> {
  const found = await docker.listContainers({ all: true, filters: { label: [`${prefix}.managed-by`] } });
  await mapPool(found, 8, (info) => removeContainer(info.Id));
  return found.length;
}

export async function ensureNetwork(name: string): Promise<void> {
  const networks = await docker.listNetworks({ filters: { name: [name] } });
  if (!networks.some((network) => network.Name === name)) await docker.createNetwork({ Name: name });
}

export async function removeNetwork(name: string): Promise<void> {
  const networks = await docker.listNetworks({ filters: { name: [name] } });
  for (const network of networks.filter((candidate) => candidate.Name === name)) {
    await docker.getNetwork(network.Id).remove();
  }
}

/** Creates dev and prod for every owner (8 at a time), then starts the first `startCount` of them. */
export async function fillContainers(
  env: Env,
  owners: Owner[],
  startCount: number,
): Promise<{ owner: Owner; type: ContainerType; id: string; name: string }[]> {
  const slots = owners.flatMap((owner) => (["dev", "prod"] as const).map((type) => ({ owner, type })));
  const made = await mapPool(slots, 8, async (slot) => {
    const options = createOptions(env, slot.owner, slot.type);
    const container = await docker.createContainer(options);
    return { ...slot, id: container.id, name: options.name ?? "" };
  });
  await mapPool(made.slice(0, startCount), 8, (slot) => docker.getContainer(slot.id).start());
  return made;
}
