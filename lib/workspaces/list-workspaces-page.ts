// Use case: one page of the actor's own workspaces, filtered by status and template (GET /api/v1/workspaces).
// Status is the runtime's, so filtering follows the one labelled list listWorkspaces reads; an owner has at most
// their quota of workspaces, so this stays small.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { listWorkspaces } from "@/lib/workspaces/list-workspaces";
import type { WorkspaceStatus } from "@/lib/workspaces/status";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

export type WorkspacePageQuery = {
  status?: WorkspaceStatus;
  template?: string;
  limit: number;
  offset: number;
};

export async function listWorkspacesPage({
  actor,
  query,
}: {
  actor: Actor;
  query: WorkspacePageQuery;
}): Promise<{ workspaces: WorkspaceView[]; total: number; limit: number; offset: number }> {
  const matching = (await listWorkspaces({ actor })).filter(
    (view) =>
      (query.status === undefined || view.status === query.status) &&
      (query.template === undefined || view.template.name === query.template),
  );
  return {
    workspaces: matching.slice(query.offset, query.offset + query.limit),
    total: matching.length,
    limit: query.limit,
    offset: query.offset,
  };
}
