import { removeImage } from "@/lib/engine/images/remove-image";
import { parseQuery } from "@/lib/http/parse-query";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";
import { removeImageQuerySchema } from "@/lib/validations/engine-objects";

// DELETE /api/v1/admin/engine/images/[id]?force=true — remove an image by id or repo:tag (URL-encoded); 409 IN_USE
// for a template's image, force or not.
export const DELETE = withAdmin(async (request, { params, actor }) => {
  const query = parseQuery(removeImageQuerySchema, request);
  return json(await removeImage({ actor, image: param(params, "id"), force: query.force === "true" }));
});
