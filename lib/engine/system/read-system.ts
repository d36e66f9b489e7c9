// Use case: the engine's facts for the System tab: version, storage and cgroup drivers, resources, what it runs,
// Swarm state and disk use.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { engineCall, withSignal } from "@/lib/engine/engine-call";
import { diskUse } from "@/lib/engine/system/disk-use";
import { systemDf } from "@/lib/engine/system/layers-size";
import type { SystemView } from "@/lib/engine/system/system-view";
import { getDocker } from "@/lib/runtime/docker/client";
import { engineInfo } from "@/lib/runtime/docker/engine";
import { isActiveManager, type SwarmInfo } from "@/lib/runtime/swarm/cluster";

// The fields read here, loosely: engines of other versions leave some out.
type Info = Record<string, string | number | boolean | undefined> & {
  Swarm?: SwarmInfo;
};

export async function readSystem({ actor }: { actor: Actor }): Promise<SystemView> {
  assertAdmin(actor);
  const docker = getDocker();
  const [info, version, df] = await Promise.all([
    engineCall("read the engine's facts", withSignal<Info>(docker.info.bind(docker))),
    engineInfo(docker),
    systemDf(),
  ]);
  const swarm = info.Swarm ?? {};
  const disk = diskUse(df);
  return {
    engine_version: String(version.version ?? info.ServerVersion ?? ""),
    api_version: String(version.apiVersion ?? ""),
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
    swarm: { state: String(swarm.LocalNodeState ?? "inactive"), manager: isActiveManager(info.Swarm) },
    disk,
  };
}
