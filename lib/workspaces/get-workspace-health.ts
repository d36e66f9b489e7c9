// Use case: one workspace with the health of each of its apps, asked now (GET /api/v1/workspaces/{id}): each app
// probed once, in parallel, within two seconds.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getEnv } from "@/lib/env";
import { templateFromRow } from "@/lib/templates/template";
import { appProbeUrl } from "@/lib/workspaces/app-probe";
import { asMadeFrom } from "@/lib/workspaces/made-from";
import { answers } from "@/lib/workspaces/wait-until-ready";
import { findVisibleWorkspace, findWorkload } from "@/lib/workspaces/workspace-store";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";
import { viewOf } from "@/lib/workspaces/workspace-views";

const PROBE_TIMEOUT_MS = 2000;

/** healthy: it answers (its health path with a 2xx, where it has one); unknown: the workspace is not running. */
export type AppHealth = "healthy" | "unhealthy" | "unknown";

export async function getWorkspaceHealth({
  actor,
  workspaceId,
}: {
  actor: Actor;
  workspaceId: string;
}): Promise<{ view: WorkspaceView; health: Record<string, AppHealth> }> {
  const row = await findVisibleWorkspace(actor, workspaceId);
  const workload = await findWorkload(row);
  const view = viewOf(row, workload);
  const health: Record<string, AppHealth> = {};
  if (view.status !== "running" || !workload) return { view, health };
  const env = getEnv();
  const template = asMadeFrom(templateFromRow(row.template), row);
  await Promise.all(
    template.apps.map(async (app) => {
      const url = appProbeUrl(env, workload, app);
      // With a health path only a 2xx is healthy; without one, any answer is.
      if (!url) health[app.name] = "unknown";
      else
        health[app.name] = (await answers(url, !!app.healthPath, PROBE_TIMEOUT_MS)) ? "healthy" : "unhealthy";
    }),
  );
  return { view, health };
}
