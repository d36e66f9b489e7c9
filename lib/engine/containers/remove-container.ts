// Use case: an admin removes a container from the engine; a running one only with force (the engine's 409 otherwise,
// its words kept), the platform's own only with its name typed. Its volumes stay: they are the Volumes page's.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actOnContainer } from "@/lib/engine/containers/act-on-container";
import { engineCall } from "@/lib/engine/engine-call";
import { SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";

export type RemovedView = { removed: true; id: string; name: string };

export async function removeContainer({
  actor,
  ref,
  force,
  confirm,
}: {
  actor: Actor;
  ref: string;
  force: boolean;
  confirm?: string;
}): Promise<RemovedView> {
  const acted = await actOnContainer({
    actor,
    ref,
    verb: "remove",
    confirm,
    details: { force },
    work: async (found) => {
      await engineCall(
        "remove the container",
        (opts) =>
          getDocker()
            .getContainer(found.facts.id)
            .remove({ force, v: false, ...opts }),
        { what: `container ${ref}`, timeoutMs: SLOW_CALL_MS },
      );
    },
  });
  return { removed: true, id: acted.found.facts.id, name: acted.found.facts.name };
}
