import { deleteUser } from "@/lib/admin/delete-user";
import { updateUser } from "@/lib/admin/update-user";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";
import { deleteUserSchema, updateUserSchema } from "@/lib/validations/admin-users";

// PATCH /api/v1/admin/users/[id] — { role?, quota?, disabled? }: change the role, set quotas (null: the platform's),
// disable or enable (the last admin stays).
export const PATCH = withAdmin(async (request, { params, actor }) => {
  const input = await readJson(request, updateUserSchema);
  return json(await updateUser({ actor, userId: param(params, "id"), input }));
});

// DELETE /api/v1/admin/users/[id]?delete_volumes=true&confirm=<their email> — the account, its workspaces and
// rows; its data volumes only when confirmed (otherwise they stay on the engine as orphans).
export const DELETE = withAdmin(async (request, { params, actor }) => {
  const query = request.nextUrl.searchParams;
  const flag = query.get("delete_volumes") ?? "false";
  if (flag !== "true" && flag !== "false")
    throw new AppError("BAD_REQUEST", "delete_volumes must be true (remove their data volumes) or false.");
  const input = parseInput(deleteUserSchema, {
    delete_volumes: flag === "true",
    confirm: query.get("confirm") ?? undefined,
  });
  return json(await deleteUser({ actor, userId: param(params, "id"), input }));
});
