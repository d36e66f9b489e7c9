// The engine's networks with the containers configured on each and why one is protected: what list and remove
// decide on. The list answer has no containers, so they come from the container list (stopped ones too, which
// would fail to start on a network that is gone).
import "server-only";
import { engineCall } from "@/lib/engine/engine-call";
import { networkProtection } from "@/lib/engine/networks/network-protection";
import type { NetworkView } from "@/lib/engine/networks/network-view";
import { getDocker } from "@/lib/runtime/docker/client";

/** A network as the engine lists and inspects it. */
export type NetworkInfo = Awaited<ReturnType<ReturnType<typeof getDocker>["listNetworks"]>>[number];

export async function engineNetworks(): Promise<NetworkView[]> {
  const docker = getDocker();
  const [networks, containers, protection] = await Promise.all([
    engineCall("list the networks", (opts) => docker.listNetworks(opts)),
    engineCall("list the containers", (opts) => docker.listContainers({ ...opts, all: true })),
    networkProtection(),
  ]);
  const attached = new Map<string, string[]>();
  for (const container of containers) {
    const name = (container.Names?.[0] ?? container.Id).replace(/^\//, "");
    // A container never started has no network id yet, only the network's name.
    for (const [networkName, endpoint] of Object.entries(container.NetworkSettings?.Networks ?? {}))
      for (const key of [endpoint.NetworkID, `name:${networkName}`])
        if (key) attached.set(key, [...(attached.get(key) ?? []), name]);
  }
  return networks
    .map((network) =>
      networkRow(network, {
        containers: [...(attached.get(network.Id) ?? []), ...(attached.get(`name:${network.Name}`) ?? [])],
        protection: protection({ id: network.Id, name: network.Name, labels: network.Labels ?? {} }),
      }),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One network's row: its engine facts, the containers configured on it, why it is protected (if it is). */
export function networkRow(
  network: NetworkInfo,
  { containers, protection }: { containers: string[]; protection: string | null },
): NetworkView {
  const created = network.Created ? new Date(network.Created) : null;
  return {
    id: network.Id,
    name: network.Name,
    driver: network.Driver,
    scope: network.Scope,
    internal: network.Internal === true,
    attachable: network.Attachable === true,
    subnets: (network.IPAM?.Config ?? []).flatMap((config) => (config.Subnet ? [config.Subnet] : [])),
    created_at: created && !Number.isNaN(created.getTime()) ? created.toISOString() : null,
    labels: network.Labels ?? {},
    containers: [...new Set(containers)].sort(),
    protected: protection,
  };
}

/** By full or short id, or by name. */
export function findNetwork(networks: NetworkView[], idOrName: string): NetworkView | undefined {
  return (
    networks.find((network) => network.id === idOrName || network.name === idOrName) ??
    (/^[0-9a-f]{12,64}$/.test(idOrName)
      ? networks.find((network) => network.id.startsWith(idOrName))
      : undefined)
  );
}
