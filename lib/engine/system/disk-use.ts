// docker system df in the System tab's terms: size and what an unused-only cleanup would reclaim, per kind. The engine
// reports -1 for a size it has not measured: counted as 0, never as a negative total.
import type { DiskUseRow, SystemView } from "@/lib/engine/system/system-view";

type Df = {
  LayersSize?: number;
  Images?: { Size?: number; SharedSize?: number; Containers?: number }[] | null;
  Containers?: { SizeRw?: number; State?: string }[] | null;
  Volumes?: { UsageData?: { Size?: number; RefCount?: number } | null }[] | null;
  BuildCache?: { Size?: number; InUse?: boolean; Shared?: boolean }[] | null;
};

export const known = (bytes: number | undefined): number => (bytes && bytes > 0 ? bytes : 0);

function row(items: { size: number; unused: boolean }[], total?: number): DiskUseRow {
  const size = total ?? items.reduce((sum, item) => sum + item.size, 0);
  const reclaimable = items.reduce((sum, item) => sum + (item.unused ? item.size : 0), 0);
  return { count: items.length, size_bytes: size, reclaimable_bytes: Math.min(reclaimable, size) };
}

export function diskUse(df: unknown): SystemView["disk"] {
  const data = df as Df;
  const images = (data.Images ?? []).map((image) => ({
    // An image's own layers; the shared ones stay while another image needs them.
    size: known(image.Size) - known(image.SharedSize),
    unused: (image.Containers ?? 0) <= 0,
  }));
  return {
    images: row(images, known(data.LayersSize) || undefined),
    containers: row(
      (data.Containers ?? []).map((c) => ({ size: known(c.SizeRw), unused: c.State !== "running" })),
    ),
    volumes: row(
      (data.Volumes ?? []).map((v) => ({
        size: known(v.UsageData?.Size),
        unused: (v.UsageData?.RefCount ?? 0) <= 0,
      })),
    ),
    build_cache: row(
      (data.BuildCache ?? []).map((entry) => ({
        size: known(entry.Size),
        unused: !entry.InUse && !entry.Shared,
      })),
    ),
  };
}
