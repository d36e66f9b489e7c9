// Views of many workspaces at once: their rows and one labelled list of the owner's workloads (never one engine
// call per workspace).
import "server-only";
import { getEnv } from "@/lib/env";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { Workload } from "@/lib/runtime/runtime";
import { templateFromRow } from "@/lib/templates/template";
import { isInFlight, launchKey } from "@/lib/workspaces/in-flight";
import { managedSelector } from "@/lib/workspaces/labels";
import { workloadOf } from "@/lib/workspaces/match-workloads";
import { parseSettings } from "@/lib/workspaces/settings";
import type { WorkspaceRecord } from "@/lib/workspaces/workspace-store";
import { type WorkspaceView, workspaceView } from "@/lib/workspaces/workspace-view";

export function viewOf(row: WorkspaceRecord, workload: Workload | null): WorkspaceView {
  return workspaceView({
    env: getEnv(),
    row,
    settings: parseSettings(row.settings),
    template: templateFromRow(row.template),
    workload,
    launching: isInFlight(launchKey(row.ownerId, row.name)),
  });
}

/** Views of one owner's rows, from a single list of that owner's workloads (asked even for no rows: an engine
 * that is down is a 503, not an empty dashboard that looks true). */
export async function viewsOf(ownerId: string, rows: WorkspaceRecord[]): Promise<WorkspaceView[]> {
  const prefix = getEnv().LABEL_PREFIX;
  const workloads = await getRuntime().list(managedSelector(prefix, ownerId));
  return rows.map((row) => viewOf(row, workloadOf(prefix, row, workloads)));
}
