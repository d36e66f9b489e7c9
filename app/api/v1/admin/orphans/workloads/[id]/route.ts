import { removeOrphanWorkload } from "@/lib/admin/remove-orphan-workload";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";

// DELETE /api/v1/admin/orphans/workloads/[id] — remove an orphaned workload now; its volume stays, as an orphan.
export const DELETE = withAdmin(async (_request, { params, actor }) =>
  json(await removeOrphanWorkload({ actor, id: param(params, "id") })),
);
