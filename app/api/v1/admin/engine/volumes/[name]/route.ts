import { removeVolume } from "@/lib/engine/volumes/remove-volume";
import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";
import { VOLUME_NAME } from "@/lib/validations/engine-objects";

// DELETE /api/v1/admin/engine/volumes/[name] — remove an unused volume that is not this app's data (409 otherwise).
export const DELETE = withAdmin(async (_request, { params, actor }) => {
  const name = param(params, "name");
  if (!VOLUME_NAME.test(name))
    throw new AppError("ENGINE_OBJECT_NOT_FOUND", `There is no volume ${name.slice(0, 64)}.`);
  return json(await removeVolume({ actor, name }));
});
