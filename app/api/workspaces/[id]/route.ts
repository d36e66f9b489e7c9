import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { param, withUser } from "@/lib/http/route";
import { SETTINGS_BODY_BYTES, updateWorkspaceSchema } from "@/lib/validations/workspace";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { updateWorkspaceSettings } from "@/lib/workspaces/update-workspace-settings";

// GET /api/workspaces/[id] — one workspace: status, apps, settings (secrets only as path, size and date).
export const GET = withUser(async (_request, { params, actor }) =>
  json(await getWorkspace({ actor, workspaceId: param(params, "id") })),
);

// PATCH /api/workspaces/[id] — change settings; { takes: none|restart|recreate, applied } says what it needs.
export const PATCH = withUser(async (request, { params, actor }) => {
  const input = await readJson(request, updateWorkspaceSchema, SETTINGS_BODY_BYTES);
  return json(await updateWorkspaceSettings({ actor, workspaceId: param(params, "id"), input }));
});

// DELETE /api/workspaces/[id]?keep_data=true|false — remove it; its data volume too unless kept (the default).
export const DELETE = withUser(async (request, { params, actor }) => {
  const keep = request.nextUrl.searchParams.get("keep_data") ?? "true";
  if (keep !== "true" && keep !== "false")
    throw new AppError("BAD_REQUEST", "keep_data must be true (keep the data volume) or false (remove it).");
  return json(await deleteWorkspace({ actor, workspaceId: param(params, "id"), keepData: keep === "true" }));
});
