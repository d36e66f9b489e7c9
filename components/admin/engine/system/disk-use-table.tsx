import { formatBytes } from "@/components/workspaces/format";
import type { SystemView } from "@/lib/engine/system/system-view";

const KINDS = [
  ["images", "Images"],
  ["containers", "Containers"],
  ["volumes", "Volumes"],
  ["build_cache", "Build cache"],
] as const;

/** docker system df: per kind, how many, their size and what removing the unused ones would give back. */
export function DiskUseTable({ disk }: { disk: SystemView["disk"] }) {
  return (
    <table className="w-full text-sm" data-testid="disk-use">
      <thead className="text-left text-xs text-muted-foreground">
        <tr>
          <th className="px-2 py-2 font-medium">Kind</th>
          <th className="px-2 py-2 font-medium">Count</th>
          <th className="px-2 py-2 font-medium">Size</th>
          <th className="px-2 py-2 font-medium">Reclaimable</th>
        </tr>
      </thead>
      <tbody className="divide-y">
        {KINDS.map(([kind, label]) => {
          const row = disk[kind];
          const share = row.size_bytes > 0 ? Math.round((row.reclaimable_bytes / row.size_bytes) * 100) : 0;
          return (
            <tr key={kind} data-kind={kind}>
              <td className="px-2 py-2">{label}</td>
              <td className="px-2 py-2">{row.count}</td>
              <td className="px-2 py-2">{formatBytes(row.size_bytes)}</td>
              <td className="px-2 py-2">
                {formatBytes(row.reclaimable_bytes)} ({share}%)
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
