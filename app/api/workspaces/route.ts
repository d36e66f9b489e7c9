import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { withUser } from "@/lib/http/route";
import { createWorkspaceSchema, SETTINGS_BODY_BYTES } from "@/lib/validations/workspace";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { listWorkspaces } from "@/lib/workspaces/list-workspaces";

// GET /api/workspaces — the caller's workspaces (dev and prod first) with live status: { workspaces: [...] }.
export const GET = withUser(async (_request, { actor }) =>
  json({ workspaces: await listWorkspaces({ actor }) }),
);

// POST /api/workspaces — create a workspace from a template with its settings (not started: POST …/start).
export const POST = withUser(async (request, { actor }) => {
  const input = await readJson(request, createWorkspaceSchema, SETTINGS_BODY_BYTES);
  return json(await createWorkspace({ actor, input }), 201);
});
