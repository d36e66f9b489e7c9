// Raw Docker work for the bench. Create options come from the app's own pure spec builders, so the raw
// baseline runs exactly the HostConfig (Init, CapDrop ALL, no-new-privileges, limits, loopback port) and the same
// new named data volume the app uses.
import { randomBytes } from "node:crypto";
import Docker from "dockerode";
import type { Env } from "@/lib/env";
import { buildCreateOptions } from "@/lib/runtime/docker/create-options";
import { seededTemplateRows } from "@/lib/templates/seeded-templates";
import { templateFromRow } from "@/lib/templates/template";
import { volumeName, workloadName } from "@/lib/workspaces/names";
import { EMPTY_SETTINGS } from "@/lib/workspaces/settings";
import { workloadSpecFor } from "@/lib/workspaces/workload-spec";
import { mapPool, pollUntil200 } from "./util";

export const docker = new Docker();

export type Owner = { id: string; slug: string };

/** The create options the app would use for this owner's workspace (id and name) from the dev template. */
export function createOptions(env: Env, owner: Owner, workspace: { id: string; name: string }) {
  const row = seededTemplateRows(env).find((candidate) => candidate.name === "dev");
  if (!row) throw new Error("no dev template");
  const names = { slug: owner.slug, name: workspace.name, id: workspace.id };
  const spec = workloadSpecFor(
    env,
    {
      ...workspace,
      routeKey: `${owner.slug}-${workspace.name}`,
      hostKey: null,
      workloadName: workloadName(names),
      volumeName: volumeName(names),
      settings: EMPTY_SETTINGS,
    },
    owner,
    templateFromRow({ ...row, id: "tpl-dev" }),
  );
  return buildCreateOptions(spec);
}

/** A: create (with a new named volume) + start + inspect for the port, then poll until 200; timed to the 200. */
export async function rawLaunch(env: Env): Promise<{ ms: number; id: string }> {
  const tag = randomBytes(4).toString("hex");
  const options = createOptions(
    env,
    { id: `raw${tag}`, slug: `raw-${tag}` },
    { id: `wraw${tag}`, name: "dev" },
  );
  const started = performance.now();
  const container = await docker.createContainer(options);
  await container.start();
  const info = await container.inspect();
  const port = info.NetworkSettings.Ports[`${env.USER_TEMPLATE_PORT_DEV}/tcp`]?.[0]?.HostPort;
  if (!port) throw new Error(`raw container ${container.id} has no published port`);
  await pollUntil200(`http://127.0.0.1:${port}/`);
  return { ms: performance.now() - started, id: container.id };
}

/** Removes a container and the data volumes it mounted (raw baseline and app launches alike). */
export async function removeContainer(id: string): Promise<void> {
  try {
    const info = await docker.getContainer(id).inspect();
    await docker.getContainer(id).remove({ force: true, v: true });
    for (const mount of info.Mounts ?? [])
      if (mount.Type === "volume" && mount.Name) await removeVolume(mount.Name);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
}

async function removeVolume(name: string): Promise<void> {
  try {
    await docker.getVolume(name).remove();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
}

/** Everything carrying our managed-by label, whoever made it (raw baseline, app, filler), and its volumes. */
export async function removeLabelled(prefix: string): Promise<number> {
  const found = await docker.listContainers({ all: true, filters: { label: [`${prefix}.managed-by`] } });
  await mapPool(found, 8, (info) => removeContainer(info.Id));
  const volumes = await docker.listVolumes({ filters: { label: [`${prefix}.managed-by`] } });
  await mapPool(volumes.Volumes ?? [], 8, (volume) => removeVolume(volume.Name));
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

/** Creates a container (and volume) for every workspace (8 at a time), then starts the first `startCount`. */
export async function fillContainers<W extends { owner: Owner; id: string; name: string }>(
  env: Env,
  workspaces: W[],
  startCount: number,
): Promise<(W & { containerId: string; workloadName: string; volumeName: string })[]> {
  const made = await mapPool(workspaces, 8, async (workspace) => {
    const options = createOptions(env, workspace.owner, workspace);
    const container = await docker.createContainer(options);
    const names = { slug: workspace.owner.slug, name: workspace.name, id: workspace.id };
    return {
      ...workspace,
      containerId: container.id,
      workloadName: options.name ?? "",
      volumeName: volumeName(names),
    };
  });
  await mapPool(made.slice(0, startCount), 8, (slot) => docker.getContainer(slot.containerId).start());
  return made;
}
