// The engine's volumes with their size and users (system df), the containers mounting each and whose each is: what
// list, remove and prune all decide on.
import "server-only";
import { engineCall } from "@/lib/engine/engine-call";
import { known } from "@/lib/engine/system/disk-use";
import { systemDf } from "@/lib/engine/system/layers-size";
import { volumeOwners } from "@/lib/engine/volumes/volume-owners";
import type { VolumeOwner, VolumeView } from "@/lib/engine/volumes/volume-view";
import { getDocker } from "@/lib/runtime/docker/client";

export type VolumeInfo = {
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
        users.set(mount.Name, [...(users.get(mount.Name) ?? []), containerName(container)]);
      }
  const usage = new Map((df.Volumes ?? []).map((volume) => [volume.Name, volume.UsageData]));
  const ownerOf = await volumeOwners(volumes.map((volume) => volume.Name));
  return volumes
    .map((volume) =>
      volumeRow(volume, {
        containers: users.get(volume.Name) ?? [],
        usage: usage.get(volume.Name),
        owner: ownerOf(volume.Name, volume.Labels ?? {}),
      }),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

type Usage = { Size?: number; RefCount?: number } | null | undefined;

/** One volume's row: its engine facts, the containers mounting it, system df's measure (if any), whose it is. */
export function volumeRow(
  volume: VolumeInfo,
  { containers, usage, owner }: { containers: string[]; usage?: Usage; owner: VolumeOwner | null },
): VolumeView {
  const names = [...containers].sort();
  return {
    name: volume.Name,
    driver: volume.Driver,
    mountpoint: volume.Mountpoint,
    scope: volume.Scope ?? "local",
    created_at: isoOrNull(volume.CreatedAt),
    labels: volume.Labels ?? {},
    size_bytes: usage && (usage.Size ?? -1) >= 0 ? known(usage.Size) : null,
    ref_count: Math.max(names.length, usage?.RefCount ?? 0),
    containers: names,
    belongs_to: owner,
  };
}

/** A listed container's name as docker ps shows it (no leading /). */
export function containerName(container: { Id: string; Names?: string[] }): string {
  return (container.Names?.[0] ?? container.Id).replace(/^\//, "");
}

function isoOrNull(value: string | undefined): string | null {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

/** Docker names a volume nobody named by 64 hex characters (an image's VOLUME, `-v /path`). */
export const isAnonymous = (name: string) => /^[0-9a-f]{64}$/.test(name);
