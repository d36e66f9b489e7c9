import type { Metadata } from "next";
import { EngineCard, TableHead } from "@/components/admin/engine/engine-table";
import { PruneImagesButton, RemoveImageButton } from "@/components/admin/engine/images/image-actions";
import { PullImageDialog } from "@/components/admin/engine/images/pull-image-dialog";
import { EmptyRow } from "@/components/admin/engine/system/empty-row";
import { EngineProblem, loadOrProblem } from "@/components/admin/engine/system/engine-problem";
import { formatDate, shortId } from "@/components/admin/engine/system/format";
import { Badge } from "@/components/ui/badge";
import { formatBytes } from "@/components/workspaces/format";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";
import { listImages } from "@/lib/engine/images/list-images";

export const metadata: Metadata = { title: "Images" };

const HEADERS = ["Image", "Id", "Size", "Created", "Containers", "Templates", ""];

// Every image on the engine: what uses it, pull by reference with live progress, remove, prune unused ones.
export default async function EngineImagesPage() {
  const admin = await requireAdminOrNotFound("/admin/engine/images");
  const { data: images, problem } = await loadOrProblem(
    () => listImages({ actor: actorFromSessionUser(admin) }),
    "images",
  );
  return (
    <EngineCard
      title="Images"
      description={
        <>
          Every image on the engine, newest first. An image a template launches from cannot be removed here;
          prune never takes one either.
        </>
      }
      actions={
        <>
          <PullImageDialog />
          <PruneImagesButton />
        </>
      }
    >
      <EngineProblem problem={problem} />
      <table className="w-full text-sm" data-testid="images">
        <TableHead headers={HEADERS} />
        <tbody className="divide-y">
          {images?.length === 0 && <EmptyRow columns={HEADERS.length} text="No images on the engine." />}
          {images?.map((image) => (
            <tr key={image.id} data-testid="image" data-image={image.repo_tags.join(" ")}>
              <td className="px-2 py-2">
                {image.dangling ? (
                  <Badge variant="outline">dangling</Badge>
                ) : (
                  image.repo_tags.map((tag) => (
                    <div key={tag} className="font-mono text-xs break-all">
                      {tag}
                    </div>
                  ))
                )}
              </td>
              <td className="px-2 py-2 font-mono text-xs">{shortId(image.id)}</td>
              <td className="px-2 py-2 whitespace-nowrap">{formatBytes(image.size_bytes)}</td>
              <td className="px-2 py-2 whitespace-nowrap">{formatDate(image.created_at)}</td>
              <td className="px-2 py-2" title={image.containers.names.join(", ")}>
                {image.containers.count}
              </td>
              <td className="px-2 py-2">
                <div className="flex flex-wrap gap-1">
                  {image.templates.map((template) => (
                    <Badge key={template} variant="secondary">
                      {template}
                    </Badge>
                  ))}
                </div>
              </td>
              <td className="px-2 py-2 text-right">
                <RemoveImageButton image={image} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </EngineCard>
  );
}
