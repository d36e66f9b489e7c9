import { deleteQueryV1 } from "@/lib/api/v1/workspace-schemas";
import { workspaceDetailV1View, workspaceV1View } from "@/lib/api/v1/workspace-v1-view";
import { parseQuery } from "@/lib/http/parse-query";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { param, withUser } from "@/lib/http/route";
import { SETTINGS_BODY_BYTES, updateWorkspaceSchema } from "@/lib/validations/workspace";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { getWorkspaceHealth } from "@/lib/workspaces/get-workspace-health";
import { updateWorkspaceSettings } from "@/lib/workspaces/update-workspace-settings";

// GET /api/v1/workspaces/[id] — status, uptime, apps with their URL and health, settings, data.
export const GET = withUser(async (_request, { params, actor }) => {
  const { view, health } = await getWorkspaceHealth({ actor, workspaceId: param(params, "id") });
  return json(workspaceDetailV1View(view, health));
});

// PATCH /api/v1/workspaces/[id] — change its settings: { workspace, takes, applied }.
export const PATCH = withUser(async (request, { params, actor }) => {
  const input = await readJson(request, updateWorkspaceSchema, SETTINGS_BODY_BYTES);
  const result = await updateWorkspaceSettings({ actor, workspaceId: param(params, "id"), input });
  return json({ ...result, workspace: workspaceV1View(result.workspace) });
});

// DELETE /api/v1/workspaces/[id]?keep_data=true|false — remove it; its data volume too only with keep_data=false.
export const DELETE = withUser(async (request, { params, actor }) => {
  const { keep_data } = parseQuery(deleteQueryV1, request);
  return json(
    await deleteWorkspace({ actor, workspaceId: param(params, "id"), keepData: keep_data === "true" }),
  );
});
