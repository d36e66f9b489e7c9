// Use case: a workspace's stats history over the last hour, day or month; its owner or an admin may read it (anyone
// else: 404, as for the workspace itself).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { HistoryRange } from "@/lib/stats/history-range";
import { type HistoryView, historyView, pointView, readSeries } from "@/lib/stats/history-view";
import { findVisibleWorkspace } from "@/lib/workspaces/workspace-store";

export async function readWorkspaceHistory({
  actor,
  workspaceId,
  range,
  now,
}: {
  actor: Actor;
  workspaceId: string;
  range: HistoryRange;
  now?: Date;
}): Promise<HistoryView> {
  const workspace = await findVisibleWorkspace(actor, workspaceId);
  const { stepMs, series } = await readSeries({ range, workspaceId: workspace.id, now });
  return historyView(range, stepMs, series.map(pointView));
}
