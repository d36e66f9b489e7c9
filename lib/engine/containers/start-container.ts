// Use case: an admin starts a container on the engine (any, not only this app's). Already running is success.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actOnContainer, detailsAfter } from "@/lib/engine/containers/act-on-container";
import type { ContainerDetailsView } from "@/lib/engine/containers/container-view";
import { engineCall } from "@/lib/engine/engine-call";
import { SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";

export async function startContainer({
  actor,
  ref,
}: {
  actor: Actor;
  ref: string;
}): Promise<ContainerDetailsView> {
  const acted = await actOnContainer({
    actor,
    ref,
    verb: "start",
    work: async (found) => {
      await engineCall(
        "start the container",
        (opts) => orNull(getDocker().getContainer(found.facts.id).start(opts), hasStatus(304)),
        { what: `container ${ref}`, timeoutMs: SLOW_CALL_MS },
      );
    },
  });
  return detailsAfter(acted);
}
