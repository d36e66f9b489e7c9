// Use case: an admin removes a stack: its containers (forced), then its networks; its volumes, and the data in
// them, only when asked and with the stack's name typed (kept otherwise, still labelled, so the stack stays listed
// until they go too). A protected stack only with its name typed again.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { findStack } from "@/lib/engine/stacks/get-stack";
import { assertConfirmed, protectedWhy } from "@/lib/engine/stacks/stack-errors";
import { stackProtection } from "@/lib/engine/stacks/stack-view";
import { AppError } from "@/lib/errors";
import { dockerCall, SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";

export type RemovedStackView = {
  name: string;
  containers: string[];
  networks: string[];
  volumes: string[];
  /** Volumes left on the engine with their data (remove again with volumes=true to delete them). */
  kept_volumes: string[];
};

function inUse(kind: string, name: string) {
  return (error: unknown) => {
    if (!hasStatus(403, 409)(error)) throw error;
    throw new AppError(
      "IN_USE",
      `The ${kind} ${name} is still used by a container outside the stack: remove it first.`,
    );
  };
}

export async function removeStack({
  actor,
  name,
  volumes = false,
  confirm,
}: {
  actor: Actor;
  name: string;
  volumes?: boolean;
  confirm?: string;
}): Promise<RemovedStackView> {
  return audited(
    actor,
    { action: "engine.stack.remove", target: { type: "stack", id: name, name } },
    async (draft) => {
      assertAdmin(actor);
      const stack = await findStack(name);
      const deletesData = volumes && stack.volumes.length > 0;
      assertConfirmed(
        name,
        protectedWhy(stackProtection(stack)) ??
          (deletesData ? "Removing the stack's volumes deletes the data in them for good." : null),
        confirm,
      );
      const docker = getDocker();
      const names = (list: { name: string }[]) => list.map((item) => item.name).sort();
      const removed: RemovedStackView = {
        name,
        containers: names(stack.containers),
        networks: names(stack.networks),
        volumes: volumes ? names(stack.volumes) : [],
        kept_volumes: volumes ? [] : names(stack.volumes),
      };
      draft.details = { ...removed, with_volumes: volumes };
      await Promise.all(
        stack.containers.map((container) =>
          dockerCall(
            "remove the stack's container",
            (opts) =>
              orNull(
                docker.getContainer(container.id).remove({ ...opts, force: true, v: volumes }),
                hasStatus(404),
              ),
            SLOW_CALL_MS,
          ),
        ),
      );
      for (const network of stack.networks)
        await dockerCall(
          "remove the stack's network",
          (opts) =>
            orNull(docker.getNetwork(network.id).remove(opts), hasStatus(404)).catch(
              inUse("network", network.name),
            ),
          SLOW_CALL_MS,
        );
      if (volumes)
        for (const volume of stack.volumes)
          await dockerCall(
            "remove the stack's volume",
            (opts) =>
              orNull(docker.getVolume(volume.name).remove(opts), hasStatus(404)).catch(
                inUse("volume", volume.name),
              ),
            SLOW_CALL_MS,
          );
      return removed;
    },
  );
}
