// Networks the engine pages never remove: the engine's predefined ones, the one workspaces run on
// (CONTAINER_NETWORK), any labelled this app's or protected, and the ones the app's own container is attached to.
import "server-only";
import { PROTECTED_LABEL } from "@/lib/engine/self";
import { type OwnObjects, ownObjects } from "@/lib/engine/system/own-objects";
import { getEnv } from "@/lib/env";
import { isAppManaged } from "@/lib/workspaces/labels";

export const PREDEFINED_NETWORKS = new Set(["bridge", "host", "none", "ingress", "docker_gwbridge"]);

export type NetworkFacts = { id: string; name: string; labels: Record<string, string> };

export async function networkProtection(): Promise<(network: NetworkFacts) => string | null> {
  const own = await ownObjects();
  return (network) => protectionOf(network, own);
}

/** Why this network is protected, given what the app's own container is attached to (nothing, for a new one). */
export function protectionOf(network: NetworkFacts, own: OwnObjects | null): string | null {
  const env = getEnv();
  if (PREDEFINED_NETWORKS.has(network.name)) return "One of the engine's own networks.";
  if (network.name === env.CONTAINER_NETWORK) return "The network workspaces run on (CONTAINER_NETWORK).";
  if (own?.networks.has(network.name) || own?.networks.has(network.id))
    return "Spawner's own container is attached to it.";
  if (isAppManaged(env.LABEL_PREFIX, network.labels, { helpers: true }))
    return "Made and managed by this app.";
  if (network.labels[PROTECTED_LABEL]) return `Protected (label ${PROTECTED_LABEL}).`;
  return null;
}
