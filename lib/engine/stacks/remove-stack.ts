// Use case: an admin removes a stack: its containers (forced), then its networks; its volumes, and the data in
// them (the containers' anonymous volumes too), only when asked and with the stack's name typed (kept otherwise,
// still labelled, so the stack stays listed until they go too). A protected stack only with its name typed again.
// The audit log says what went and what could not; anything that could not is an error naming it.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { engineCall } from "@/lib/engine/engine-call";
import { findStack } from "@/lib/engine/stacks/get-stack";
import { assertConfirmed, protectedWhy } from "@/lib/engine/stacks/stack-errors";
import { stackProtection } from "@/lib/engine/stacks/stack-view";
import { AppError } from "@/lib/errors";
import { SLOW_CALL_MS } from "@/lib/runtime/docker/call";
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

type Failure = { kind: "container" | "network" | "volume"; name: string; error: AppError };

/** Runs every removal of one kind; returns the names removed, and adds what failed to `failed`. */
async function removeAll<T extends { name: string }>(
  kind: Failure["kind"],
  items: T[],
  remove: (item: T) => Promise<unknown>,
  failed: Failure[],
): Promise<string[]> {
  const results = await Promise.allSettled(items.map(remove));
  const removed: string[] = [];
  results.forEach((result, index) => {
    const name = items[index]?.name ?? "";
    if (result.status === "fulfilled") removed.push(name);
    else
      failed.push({
        kind,
        name,
        error:
          result.reason instanceof AppError
            ? result.reason
            : new AppError("CONTAINER_ENGINE_ERROR", `The container engine could not remove the ${kind}.`),
      });
  });
  return removed.sort();
}

function notAllRemoved(name: string, failed: Failure[]): AppError {
  const listed = failed.map((failure) => `the ${failure.kind} ${failure.name} (${failure.error.message})`);
  // One cause for all of them answers with its own code (IN_USE: 409, the engine down: 503); mixed causes: 502.
  const codes = new Set(failed.map((failure) => failure.error.code));
  const code =
    codes.size === 1 ? (failed[0]?.error.code ?? "CONTAINER_ENGINE_ERROR") : "CONTAINER_ENGINE_ERROR";
  return new AppError(code, `The stack ${name} was not removed entirely; still there: ${listed.join("; ")}`);
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
      // Asked for volumes=true even with no named volume: the containers' anonymous volumes go with them.
      assertConfirmed(
        name,
        protectedWhy(stackProtection(stack)) ??
          (volumes ? "Removing the stack's volumes deletes the data in them for good." : null),
        confirm,
      );
      const docker = getDocker();
      const failed: Failure[] = [];
      const containers = await removeAll(
        "container",
        stack.containers,
        (container) =>
          engineCall(
            "remove the stack's container",
            (opts) =>
              orNull(
                docker.getContainer(container.id).remove({ ...opts, force: true, v: volumes }),
                hasStatus(404),
              ),
            { timeoutMs: SLOW_CALL_MS },
          ),
        failed,
      );
      const networks = await removeAll(
        "network",
        stack.networks,
        (network) =>
          engineCall(
            "remove the stack's network",
            (opts) => orNull(docker.getNetwork(network.id).remove(opts), hasStatus(404)),
            { timeoutMs: SLOW_CALL_MS },
          ),
        failed,
      );
      const removedVolumes = volumes
        ? await removeAll(
            "volume",
            stack.volumes,
            (volume) =>
              engineCall(
                "remove the stack's volume",
                (opts) => orNull(docker.getVolume(volume.name).remove(opts), hasStatus(404)),
                { timeoutMs: SLOW_CALL_MS },
              ),
            failed,
          )
        : [];
      const removed: RemovedStackView = {
        name,
        containers,
        networks,
        volumes: removedVolumes,
        kept_volumes: volumes ? [] : stack.volumes.map((volume) => volume.name).sort(),
      };
      draft.details = {
        removed,
        failed: failed.map((failure) => ({
          kind: failure.kind,
          name: failure.name,
          code: failure.error.code,
        })),
        with_volumes: volumes,
      };
      if (failed.length > 0) throw notAllRemoved(name, failed);
      return removed;
    },
  );
}
