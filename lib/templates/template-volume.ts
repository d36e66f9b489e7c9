// A template's data volume: the driver new volumes are made with, its options ({volume} in a value is each
// workspace's volume name, so each gets its own export directory) and whether every node reaches the same data.
// Stored in three nullable columns where null is the local driver, no options, not shared. Pure.
import type { VolumeMount } from "@/lib/runtime/runtime";

export type TemplateVolume = { driver: string; options: Record<string, string>; shared: boolean };

export type VolumeColumns = {
  volumeDriver?: string | null;
  volumeOptions?: string | null;
  volumeShared?: boolean | null;
};

export const LOCAL_VOLUME: TemplateVolume = { driver: "local", options: {}, shared: false };

/** The one placeholder an option value may hold. */
export const VOLUME_PLACEHOLDER = "{volume}";

function optionsFromJson(raw: string): Record<string, string> | null {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
    const entries = Object.entries(parsed);
    return entries.every(([, value]) => typeof value === "string") ? Object.fromEntries(entries) : null;
  } catch {
    return null;
  }
}

/**
 * The volume setting as the app reads it; `unreadable` when the options column is no JSON map (edited by hand):
 * a launch then refuses rather than make a volume without them (an NFS template's data on a local disk).
 */
export function volumeFromColumns(row: VolumeColumns): TemplateVolume & { unreadable?: true } {
  const options = row.volumeOptions ? optionsFromJson(row.volumeOptions) : {};
  return {
    driver: row.volumeDriver ?? LOCAL_VOLUME.driver,
    options: options ?? {},
    shared: row.volumeShared ?? false,
    ...(options === null ? { unreadable: true as const } : {}),
  };
}

/** The columns of a volume setting: null for what is the default, so a local template's row stays as it was. */
export function volumeColumns(volume: TemplateVolume): Required<VolumeColumns> {
  const keys = Object.keys(volume.options).sort();
  return {
    volumeDriver: volume.driver === LOCAL_VOLUME.driver ? null : volume.driver,
    volumeOptions:
      keys.length === 0
        ? null
        : JSON.stringify(Object.fromEntries(keys.map((key) => [key, volume.options[key]]))),
    volumeShared: volume.shared ? true : null,
  };
}

/** The driver and sharing of one workspace's volume mount: `{volume}` in each option value is its volume's name. */
export function volumeMountOf(
  volume: TemplateVolume,
  volumeName: string,
): Pick<VolumeMount, "driver" | "shared"> {
  const options = Object.fromEntries(
    Object.entries(volume.options).map(([key, value]) => [
      key,
      value.replaceAll(VOLUME_PLACEHOLDER, volumeName),
    ]),
  );
  return { driver: { name: volume.driver, options }, shared: volume.shared };
}
