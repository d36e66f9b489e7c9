import { startContainer } from "@/lib/engine/containers/start-container";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";
import { parseContainerRef } from "@/lib/validations/engine-containers";

// POST /api/v1/admin/engine/containers/[id]/start — start it (already running is fine) → its details.
export const POST = withAdmin(async (_request, { params, actor }) =>
  json(await startContainer({ actor, ref: parseContainerRef(param(params, "id")) })),
);
