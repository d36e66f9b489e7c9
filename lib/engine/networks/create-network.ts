// Use case: an admin creates a network: a bridge on this engine, or an attachable overlay across the Swarm (only on
// a Swarm manager: anywhere else the engine cannot make one, and the admin is told why). A taken name is refused
// (the engine would make a second network of the same name); this app's labels are its own.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { engineCall, withSignal } from "@/lib/engine/engine-call";
import { type NetworkInfo, networkRow } from "@/lib/engine/networks/engine-networks";
import { protectionOf } from "@/lib/engine/networks/network-protection";
import type { NetworkView } from "@/lib/engine/networks/network-view";
import { refuseOwnLabels } from "@/lib/engine/refuse-own-labels";
import { isSwarmManager } from "@/lib/engine/system/swarm-manager";
import { AppError } from "@/lib/errors";
import { getDocker } from "@/lib/runtime/docker/client";

const OVERLAY_NEEDS_SWARM =
  "An overlay network needs a Swarm: this engine is not a Swarm manager. Create a bridge network instead.";

export type CreateNetworkInput = {
  name: string;
  driver: "bridge" | "overlay";
  internal: boolean;
  subnet?: string;
  labels: Record<string, string>;
};

export async function createNetwork({
  actor,
  input,
}: {
  actor: Actor;
  input: CreateNetworkInput;
}): Promise<NetworkView> {
  const { name, driver, internal, subnet, labels } = input;
  return audited(
    actor,
    { action: "engine.network.create", target: { type: "network", name } },
    async (draft) => {
      assertAdmin(actor);
      draft.details = { driver, internal, ...(subnet ? { subnet } : {}) };
      refuseOwnLabels(labels);
      if (driver === "overlay" && !(await isSwarmManager()))
        throw new AppError("VALIDATION_FAILED", OVERLAY_NEEDS_SWARM, {
          fields: { driver: [OVERLAY_NEEDS_SWARM] },
        });
      const docker = getDocker();
      const named = await engineCall("look up the network", (opts) =>
        docker.listNetworks({ ...opts, filters: { name: [name] } }),
      );
      // The name filter matches substrings; only an exact name counts.
      if (named.some((network) => network.Name === name))
        throw new AppError("NAME_TAKEN", `There is a network ${name} already.`);
      const created = await engineCall("create the network", (opts) =>
        docker.createNetwork({
          ...opts,
          Name: name,
          Driver: driver,
          CheckDuplicate: true,
          Internal: internal,
          // Overlays are for containers as well as services: otherwise `docker run --network` cannot join it.
          Attachable: driver === "overlay",
          Labels: labels,
          ...(subnet ? { IPAM: { Driver: "default", Config: [{ Subnet: subnet }] } } : {}),
        }),
      );
      draft.target = { type: "network", id: created.id, name };
      // Just made: nothing is attached to it (so neither is the app's own container); its labels say the rest.
      const network = docker.getNetwork(created.id);
      const info = await engineCall(
        "look up the network",
        withSignal<NetworkInfo>(network.inspect.bind(network)),
        { what: `network ${name}` },
      );
      return networkRow(info, {
        containers: [],
        protection: protectionOf({ id: info.Id, name: info.Name, labels: info.Labels ?? {} }, null),
      });
    },
  );
}
