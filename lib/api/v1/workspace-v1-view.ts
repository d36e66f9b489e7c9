// The versioned API's view of a workspace, made from the one view the app builds (lib/workspaces/workspace-view.ts):
// a compact, stable shape for automation. Pure.
import type { WorkspaceDetailV1, WorkspaceV1 } from "@/lib/api/v1/workspace-schemas";
import type { AppHealth } from "@/lib/workspaces/get-workspace-health";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

export function workspaceV1View(view: WorkspaceView, now = Date.now()): WorkspaceV1 {
  const started = view.started_at ? Date.parse(view.started_at) : null;
  return {
    id: view.id,
    name: view.name,
    display_name: view.display_name,
    owner: view.owner,
    template: view.template.name,
    status: view.status,
    created_at: view.created_at,
    started_at: view.started_at,
    uptime_seconds: started === null ? null : Math.max(0, Math.floor((now - started) / 1000)),
    last_activity: view.last_used,
    stopped_reason: view.stopped_reason,
    last_error: view.last_error,
    pending_change: view.pending_change,
    update_available: view.update_available,
    idle_timeout_minutes: view.idle_timeout_minutes,
    limits: view.settings.limits,
    apps: view.apps,
    placement: view.placement,
  };
}

export function workspaceDetailV1View(
  view: WorkspaceView,
  health: Record<string, AppHealth>,
  now = Date.now(),
): WorkspaceDetailV1 {
  const { limits: _inEffect, ...settings } = view.settings;
  return {
    ...workspaceV1View(view, now),
    apps: view.apps.map((app) => ({ ...app, health: health[app.name] ?? "unknown" })),
    settings,
    data: view.data,
  };
}
