import { listWorkspacesQueryV1 } from "@/lib/api/v1/workspace-schemas";
import { workspaceV1View } from "@/lib/api/v1/workspace-v1-view";
import { parseQuery } from "@/lib/http/parse-query";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { withUser } from "@/lib/http/route";
import { createWorkspaceSchema, SETTINGS_BODY_BYTES } from "@/lib/validations/workspace";
import { createAndStartWorkspace } from "@/lib/workspaces/create-and-start-workspace";
import { listWorkspacesPage } from "@/lib/workspaces/list-workspaces-page";

// GET /api/v1/workspaces?status=&template=&limit=&offset= — { workspaces, total, limit, offset }.
export const GET = withUser(async (request, { actor }) => {
  const page = await listWorkspacesPage({ actor, query: parseQuery(listWorkspacesQueryV1, request) });
  const now = Date.now();
  return json({ ...page, workspaces: page.workspaces.map((view) => workspaceV1View(view, now)) });
});

// POST /api/v1/workspaces — create a workspace and start it (201 once its apps answer).
export const POST = withUser(async (request, { actor }) => {
  const input = await readJson(request, createWorkspaceSchema, SETTINGS_BODY_BYTES);
  return json(workspaceV1View(await createAndStartWorkspace({ actor, input })), 201);
});
