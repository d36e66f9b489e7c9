// One stats sample of a running container (Docker samples for about a second, so CPU % has two readings).
import "server-only";
import type Docker from "dockerode";
import { dockerCall, SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";
import { type RawStats, statsFromDocker, usageFromDocker } from "@/lib/runtime/docker/stats-math";
import type { UsageSample, WorkloadStats } from "@/lib/runtime/runtime";

export async function readStats(docker: Docker, id: string): Promise<WorkloadStats> {
  const raw = await dockerCall(
    "read the container's stats",
    (opts) => docker.getContainer(id).stats({ ...opts, stream: false }) as Promise<RawStats>,
    SLOW_CALL_MS,
  );
  return statsFromDocker(raw);
}

/** One reading of the counters, without the second one stats() waits for (so no CPU % of its own). */
export async function readUsage(
  docker: Docker,
  id: string,
  signal?: AbortSignal,
): Promise<UsageSample | null> {
  const raw = await dockerCall(
    "read the container's usage",
    (opts) =>
      orNull(
        docker.getContainer(id).stats({ ...opts, stream: false, "one-shot": true }) as Promise<RawStats>,
        hasStatus(404),
      ),
    undefined,
    signal,
  );
  return raw ? usageFromDocker(raw) : null;
}
