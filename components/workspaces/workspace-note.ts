// One line about a workspace's state that the badge can't say: why it stopped, or changes still to apply.
import { formatTime } from "@/components/workspaces/format";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

const STOPPED_BY: Record<string, string> = {
  manual: "Stopped by you",
  admin: "Stopped by an administrator",
  idle: "Stopped after being idle",
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
  if (workspace.status !== "stopped" || !workspace.stopped_reason) return null;
  const by = STOPPED_BY[workspace.stopped_reason] ?? `Stopped (${workspace.stopped_reason})`;
  return workspace.stopped_at ? `${by} on ${formatTime(workspace.stopped_at)}.` : `${by}.`;
}
