import { removeOrphanVolume } from "@/lib/admin/remove-orphan-volume";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";

// DELETE /api/v1/admin/orphans/volumes/[name]?confirm=[name] — remove an orphaned data volume (only ours, only
// unclaimed, only with its name typed again).
export const DELETE = withAdmin(async (request, { params, actor }) =>
  json(
    await removeOrphanVolume({
      actor,
      name: param(params, "name"),
      confirm: request.nextUrl.searchParams.get("confirm") ?? "",
    }),
  ),
);
