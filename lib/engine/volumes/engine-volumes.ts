// The engine's volumes with their size and users (system df), the containers mounting each and whose each is: what
// list, remove and prune all decide on.
import "server-only";
import { engineCall } from "@/lib/engine/engine-call";
import { known } from "@/lib/engine/system/disk-use";
import { systemDf } from "@/lib/engine/system/layers-size";
import { volumeOwners } from "@/lib/engine/volumes/volume-owners";
import type { VolumeView } from "@/lib/engine/volumes/volume-view";
import { getDocker } from "@/lib/runtime/docker/client";

type VolumeInfo = {
  Name: string;
  Driver: string;
  Mountpoint: string;
  Scope?: string;
  CreatedAt?: string;
  Labels?: Record<string, string> | null;
};

export async function engineVolumes(): Promise<VolumeView[]> {
  const docker = getDocker();
  const [listed, containers, df] = await Promise.all([
    engineCall("list the volumes", (opts) => docker.listVolumes(opts)),
    engineCall("list the containers", (opts) => docker.listContainers({ ...opts, all: true })),
    systemDf(),
  ]);
  const volumes = (listed.Volumes ?? []) as VolumeInfo[];
  const users = new Map<string, string[]>();
  for (const container of containers)
    for (const mount of container.Mounts ?? [])
      if (mount.Type === "volume" && mount.Name) {
        const name = (container.Names?.[0] ?? container.Id).replace(/^\//, "");
        users.set(mount.Name, [...(users.get(mount.Name) ?? []), name]);
      }
  const usage = new Map((df.Volumes ?? []).map((volume) => [volume.Name, volume.UsageData]));
  const ownerOf = await volumeOwners(volumes.map((volume) => volume.Name));
  return volumes
    .map((volume) => {
      const labels = volume.Labels ?? {};
      const data = usage.get(volume.Name);
      const names = (users.get(volume.Name) ?? []).sort();
      return {
        name: volume.Name,
        driver: volume.Driver,
        mountpoint: volume.Mountpoint,
        scope: volume.Scope ?? "local",
        created_at: isoOrNull(volume.CreatedAt),
        labels,
        size_bytes: data && (data.Size ?? -1) >= 0 ? known(data.Size) : null,
        ref_count: Math.max(names.length, data?.RefCount ?? 0),
        containers: names,
        belongs_to: ownerOf(volume.Name, labels),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function isoOrNull(value: string | undefined): string | null {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

/** Docker names a volume nobody named by 64 hex characters (an image's VOLUME, `-v /path`). */
export const isAnonymous = (name: string) => /^[0-9a-f]{64}$/.test(name);
