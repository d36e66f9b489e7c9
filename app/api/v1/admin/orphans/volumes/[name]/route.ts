import { removeOrphanVolume } from "@/lib/admin/remove-orphan-volume";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";

// DELETE /api/v1/admin/orphans/volumes/[name] — remove an orphaned data volume (only ours, only unclaimed).
export const DELETE = withAdmin(async (_request, { params, actor }) =>
  json(await removeOrphanVolume({ actor, name: param(params, "name") })),
);
