import type { Metadata } from "next";
import { EngineCard, TableHead } from "@/components/admin/engine/engine-table";
import { EmptyRow } from "@/components/admin/engine/system/empty-row";
import { EngineProblem, loadOrProblem } from "@/components/admin/engine/system/engine-problem";
import { formatDate } from "@/components/admin/engine/system/format";
import { CreateVolumeDialog } from "@/components/admin/engine/volumes/create-volume-dialog";
import { PruneVolumesButton, RemoveVolumeButton } from "@/components/admin/engine/volumes/volume-actions";
import { VolumeOwnerCell } from "@/components/admin/engine/volumes/volume-owner";
import { formatBytes } from "@/components/workspaces/format";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";
import { listVolumes } from "@/lib/engine/volumes/list-volumes";

export const metadata: Metadata = { title: "Volumes" };

const HEADERS = ["Volume", "Driver", "Size", "Used by", "Workspace", "Created", ""];

// Every volume on the engine with its size and users and whose data it is; create, remove and prune the others.
export default async function EngineVolumesPage() {
  const admin = await requireAdminOrNotFound("/admin/engine/volumes");
  const { data: volumes, problem } = await loadOrProblem(
    () => listVolumes({ actor: actorFromSessionUser(admin) }),
    "volumes",
  );
  return (
    <EngineCard
      title="Volumes"
      description={
        <>
          Sizes come from the engine's disk-use report ("—" where it has not measured one). A workspace's
          data, kept and orphaned volumes are removed through their own pages, never here.
        </>
      }
      actions={
        <>
          <CreateVolumeDialog />
          <PruneVolumesButton />
        </>
      }
    >
      <EngineProblem problem={problem} />
      <table className="w-full text-sm" data-testid="volumes">
        <TableHead headers={HEADERS} />
        <tbody className="divide-y">
          {volumes?.length === 0 && <EmptyRow columns={HEADERS.length} text="No volumes on the engine." />}
          {volumes?.map((volume) => (
            <tr key={volume.name} data-testid="volume" data-volume={volume.name}>
              <td className="px-2 py-2 font-mono text-xs break-all">{volume.name}</td>
              <td className="px-2 py-2">{volume.driver}</td>
              <td className="px-2 py-2 whitespace-nowrap">{formatBytes(volume.size_bytes)}</td>
              <td className="px-2 py-2 text-xs">
                {volume.containers.length > 0 ? volume.containers.join(", ") : volume.ref_count || "—"}
              </td>
              <td className="px-2 py-2 text-xs">
                <VolumeOwnerCell owner={volume.belongs_to} />
              </td>
              <td className="px-2 py-2 whitespace-nowrap">{formatDate(volume.created_at)}</td>
              <td className="px-2 py-2 text-right">
                <RemoveVolumeButton volume={volume} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </EngineCard>
  );
}
