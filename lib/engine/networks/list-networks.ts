// Use case: the engine's networks for the Networks tab: driver, scope, subnets, attached containers, protection.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { engineNetworks } from "@/lib/engine/networks/engine-networks";
import type { NetworkView } from "@/lib/engine/networks/network-view";

export async function listNetworks({ actor }: { actor: Actor }): Promise<NetworkView[]> {
  assertAdmin(actor);
  return engineNetworks();
}
