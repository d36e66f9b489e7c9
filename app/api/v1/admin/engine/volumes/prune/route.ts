import { pruneVolumes } from "@/lib/engine/volumes/prune-volumes";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";
import { pruneVolumesSchema } from "@/lib/validations/engine-objects";

// POST /api/v1/admin/engine/volumes/prune { all?, label? } — remove unused volumes that are not this app's data.
export const POST = withAdmin(async (request, { actor }) => {
  const input = await readJson(request, pruneVolumesSchema);
  return json(await pruneVolumes({ actor, all: input.all, label: input.label }));
});
