// Takes down what a failed `up` made: `down --remove-orphans` (never --volumes: Compose removes volumes by name, and
// a name may be another's), then only the volumes that were not on the engine before the deploy: those labelled
// with the project, and the anonymous ones its containers had.
import "server-only";
import { engineCall } from "@/lib/engine/engine-call";
import type { Compose } from "@/lib/engine/stacks/run-compose";
import { PROJECT_LABEL } from "@/lib/engine/stacks/stack-objects";
import { SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";

/** A rollback is bounded far tighter than an up: the request that waits on it has waited for the up already. */
export const ROLLBACK_TIMEOUT_MS = 60_000;

/** True when everything the up made is gone again. */
export async function rollBackStack({
  compose,
  name,
  existingVolumes,
}: {
  compose: Compose;
  name: string;
  /** The engine's volume names before the deploy: never removed here. */
  existingVolumes: Set<string>;
}): Promise<boolean> {
  const docker = getDocker();
  const filters = { label: [`${PROJECT_LABEL}=${name}`] };
  const containers = await engineCall("list the stack's containers", (opts) =>
    docker.listContainers({ ...opts, all: true, filters }),
  );
  const anonymous = containers.flatMap((container) =>
    (container.Mounts ?? []).flatMap((mount) => (mount.Type === "volume" && mount.Name ? [mount.Name] : [])),
  );
  const down = await compose(["down", "--remove-orphans"], { timeoutMs: ROLLBACK_TIMEOUT_MS });
  const labelled = await engineCall("list the stack's volumes", (opts) =>
    docker.listVolumes({ ...opts, filters }),
  );
  const made = new Set(
    [...(labelled.Volumes ?? []).map((volume) => volume.Name), ...anonymous].filter(
      (volume) => !existingVolumes.has(volume),
    ),
  );
  const removals = await Promise.allSettled(
    [...made].map((volume) =>
      engineCall(
        "remove the stack's volume",
        (opts) => orNull(docker.getVolume(volume).remove(opts), hasStatus(404)),
        { timeoutMs: SLOW_CALL_MS },
      ),
    ),
  );
  return down.ok && removals.every((removal) => removal.status === "fulfilled");
}
