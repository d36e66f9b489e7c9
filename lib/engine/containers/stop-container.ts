// Use case: an admin stops a container on the engine; the platform's own only with its name typed. Already stopped is
// success.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actOnContainer, detailsAfter } from "@/lib/engine/containers/act-on-container";
import type { ContainerDetailsView } from "@/lib/engine/containers/container-view";
import { engineCall } from "@/lib/engine/engine-call";
import { SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";

/** What docker stop gives a container before it is killed. */
export const STOP_GRACE_SECONDS = 10;

export async function stopContainer({
  actor,
  ref,
  confirm,
}: {
  actor: Actor;
  ref: string;
  confirm?: string;
}): Promise<ContainerDetailsView> {
  const acted = await actOnContainer({
    actor,
    ref,
    verb: "stop",
    confirm,
    work: async (found) => {
      await engineCall(
        "stop the container",
        (opts) =>
          orNull(
            getDocker()
              .getContainer(found.facts.id)
              .stop({ t: STOP_GRACE_SECONDS, ...opts }),
            hasStatus(304),
          ),
        { what: `container ${ref}`, timeoutMs: SLOW_CALL_MS },
      );
    },
  });
  return detailsAfter(acted);
}
