import { pruneImages } from "@/lib/engine/images/prune-images";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";
import { pruneImagesSchema } from "@/lib/validations/engine-objects";

// POST /api/v1/admin/engine/images/prune { all?, label? } — remove unused images (never a template's): what went and
// what the disk got back.
export const POST = withAdmin(async (request, { actor }) => {
  const input = await readJson(request, pruneImagesSchema);
  return json(await pruneImages({ actor, all: input.all, label: input.label }));
});
