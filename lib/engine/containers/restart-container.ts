// Use case: an admin restarts a container on the engine; the platform's own only with its name typed.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actOnContainer, detailsAfter } from "@/lib/engine/containers/act-on-container";
import type { ContainerDetailsView } from "@/lib/engine/containers/container-view";
import { STOP_GRACE_SECONDS } from "@/lib/engine/containers/stop-container";
import { engineCall } from "@/lib/engine/engine-call";
import { SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";

export async function restartContainer({
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
    verb: "restart",
    confirm,
    work: async (found) => {
      await engineCall(
        "restart the container",
        (opts) =>
          getDocker()
            .getContainer(found.facts.id)
            .restart({ t: STOP_GRACE_SECONDS, ...opts }),
        { what: `container ${ref}`, timeoutMs: SLOW_CALL_MS },
      );
    },
  });
  return detailsAfter(acted);
}
