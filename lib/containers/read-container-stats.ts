// Use case: one stats sample of the caller's running container (Docker takes about a second to sample).
import "server-only";
import type { Owner } from "@/lib/containers/container-spec-for";
import { findUserContainer } from "@/lib/containers/find-user-container";
import { type ContainerStats, type RawStats, statsFromDocker } from "@/lib/containers/stats-math";
import { AppError } from "@/lib/errors";
import { dockerCall, SLOW_CALL_MS } from "@/lib/runtime/docker-call";
import { getDocker } from "@/lib/runtime/docker-client";
import { parseContainerType } from "@/lib/templates/registry";

export async function readContainerStats({
  owner,
  type,
}: {
  owner: Owner;
  type: unknown;
}): Promise<ContainerStats> {
  const { container } = await findUserContainer({ owner, type: parseContainerType(type) });
  if (!container?.State.Running) throw new AppError("CONFLICT", "The container is not running.");
  const raw = await dockerCall(
    "read the container's stats",
    (opts) =>
      getDocker()
        .getContainer(container.Id)
        .stats({ ...opts, stream: false }) as Promise<RawStats>,
    SLOW_CALL_MS,
  );
  return statsFromDocker(raw);
}
