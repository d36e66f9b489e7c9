import { removeNetwork } from "@/lib/engine/networks/remove-network";
import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";
import { OBJECT_NAME } from "@/lib/validations/engine-objects";

// DELETE /api/v1/admin/engine/networks/[id] — remove a network (by id or name) nothing is attached to; 409 for the
// protected ones.
export const DELETE = withAdmin(async (_request, { params, actor }) => {
  const id = param(params, "id");
  if (!OBJECT_NAME.test(id))
    throw new AppError("ENGINE_OBJECT_NOT_FOUND", `There is no network ${id.slice(0, 64)}.`);
  return json(await removeNetwork({ actor, id }));
});
