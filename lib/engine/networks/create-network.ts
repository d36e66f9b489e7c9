// Use case: an admin creates a network: a bridge on this engine, or an attachable overlay across the Swarm (only on
// a Swarm manager: anywhere else the engine cannot make one, and the admin is told why). A taken name is refused
// (the engine would make a second network of the same name); this app's labels are its own.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { engineCall } from "@/lib/engine/engine-call";
import { engineNetworks, findNetwork } from "@/lib/engine/networks/engine-networks";
import type { NetworkView } from "@/lib/engine/networks/network-view";
import { isSwarmManager } from "@/lib/engine/system/swarm-manager";
import { getEnv } from "@/lib/env";
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
      const prefix = `${getEnv().LABEL_PREFIX}.`;
      if (Object.keys(labels).some((key) => key.startsWith(prefix)))
        throw new AppError("VALIDATION_FAILED", `Labels starting with ${prefix} are this app's own.`, {
          fields: { labels: [`Labels starting with ${prefix} are this app's own.`] },
        });
      if (driver === "overlay" && !(await isSwarmManager()))
        throw new AppError("VALIDATION_FAILED", OVERLAY_NEEDS_SWARM, {
          fields: { driver: [OVERLAY_NEEDS_SWARM] },
        });
      if (findNetwork(await engineNetworks(), name))
        throw new AppError("NAME_TAKEN", `There is a network ${name} already.`);
      const docker = getDocker();
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
      // The network exists from here: a failing re-listing must not make that a 5xx, so the answer's own view.
      const listed = await engineNetworks().then(
        (all) => findNetwork(all, created.id),
        (error: unknown) => {
          console.error(
            `[engine] network ${name} was created, listing it failed: ${(error as Error).message}`,
          );
          return undefined;
        },
      );
      return (
        listed ?? {
          id: created.id,
          name,
          driver,
          scope: driver === "overlay" ? "swarm" : "local",
          internal,
          attachable: driver === "overlay",
          subnets: subnet ? [subnet] : [],
          created_at: null,
          labels,
          containers: [],
          protected: null,
        }
      );
    },
  );
}
