// One line about a workspace's state that the badge can't say: why it stopped, or changes still to apply.
import { formatTime } from "@/components/workspaces/format";
import { formatMinutes } from "@/lib/workspaces/settings";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

const STOPPED_BY: Record<string, (workspace: WorkspaceView) => string> = {
  manual: () => "Stopped by you",
  admin: () => "Stopped by an administrator",
  inactivity: (workspace) =>
    workspace.idle_timeout_minutes > 0
      ? `Stopped after ${formatMinutes(Math.round(workspace.idle_timeout_minutes * 60))} without activity`
      : "Stopped after a time without activity",
  lifetime: () => "Stopped at the end of its longest run its template allows",
  error: () => "Stopped: its app ended with an error",
  resource_limit: () => "Stopped: it ran out of memory (raise its memory limit in Settings)",
};

export function pendingNote(pending: WorkspaceView["pending_change"]): string | null {
  if (pending === "restart") return "Changes waiting: restart to apply.";
  if (pending === "recreate")
    return "Changes waiting: re-create to apply. Restart or Start does it; the data is kept.";
  return null;
}

export function workspaceNote(workspace: WorkspaceView): string | null {
  const pending = pendingNote(workspace.pending_change);
  if (pending) return pending;
  if ((workspace.status !== "stopped" && workspace.status !== "error") || !workspace.stopped_reason)
    return null;
  const by = STOPPED_BY[workspace.stopped_reason]?.(workspace) ?? `Stopped (${workspace.stopped_reason})`;
  return workspace.stopped_at ? `${by} on ${formatTime(workspace.stopped_at)}.` : `${by}.`;
}
