// Use case: the engine's facts for the System tab: version, storage and cgroup drivers, resources, what it runs,
// Swarm state and disk use.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { engineCall, withSignal } from "@/lib/engine/engine-call";
import { diskUse } from "@/lib/engine/system/disk-use";
import type { SystemView } from "@/lib/engine/system/system-view";
import { SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";

// The fields read here, loosely: engines of other versions leave some out.
type Info = Record<string, string | number | boolean | undefined> & {
  Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean };
};

export async function readSystem({ actor }: { actor: Actor }): Promise<SystemView> {
  assertAdmin(actor);
  const docker = getDocker();
  const [info, version, df] = await Promise.all([
    engineCall("read the engine's facts", withSignal<Info>(docker.info.bind(docker))),
    engineCall("read the engine's version", withSignal<Info>(docker.version.bind(docker))),
    // df walks every volume and layer: slow on a full disk.
    engineCall("measure the engine's disk use", withSignal(docker.df.bind(docker)), {
      timeoutMs: SLOW_CALL_MS,
    }),
  ]);
  const swarm = info.Swarm ?? {};
  const disk = diskUse(df);
  return {
    engine_version: String(version.Version ?? info.ServerVersion ?? ""),
    api_version: String(version.ApiVersion ?? ""),
    os: String(info.OperatingSystem ?? ""),
    os_type: String(info.OSType ?? ""),
    kernel_version: String(info.KernelVersion ?? ""),
    architecture: String(info.Architecture ?? ""),
    storage_driver: String(info.Driver ?? ""),
    cgroup_driver: String(info.CgroupDriver ?? ""),
    cgroup_version: String(info.CgroupVersion ?? ""),
    cpus: Number(info.NCPU ?? 0),
    memory_bytes: Number(info.MemTotal ?? 0),
    containers: {
      total: Number(info.Containers ?? 0),
      running: Number(info.ContainersRunning ?? 0),
      paused: Number(info.ContainersPaused ?? 0),
      stopped: Number(info.ContainersStopped ?? 0),
    },
    // info.Images counts intermediate layers too (76 where `docker images` shows 12): df's top-level ones.
    images: disk.images.count,
    swarm: { state: String(swarm.LocalNodeState ?? "inactive"), manager: swarm.ControlAvailable === true },
    disk,
  };
}
