// One stats sample of a running container (Docker samples for about a second, so CPU % has two readings).
import "server-only";
import type Docker from "dockerode";
import { dockerCall, SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { type RawStats, statsFromDocker } from "@/lib/runtime/docker/stats-math";
import type { WorkloadStats } from "@/lib/runtime/runtime";

export async function readStats(docker: Docker, id: string): Promise<WorkloadStats> {
  const raw = await dockerCall(
    "read the container's stats",
    (opts) => docker.getContainer(id).stats({ ...opts, stream: false }) as Promise<RawStats>,
    SLOW_CALL_MS,
  );
  return statsFromDocker(raw);
}
