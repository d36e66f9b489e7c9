// What running workspaces hold now: the running ones (lib/workspaces/running-rows.ts) with their limits, the
// workspace's own, else its template's defaults. The admin's users list asks for its page's accounts; the overview
// hands over the list it already has.
import "server-only";
import type { Workload } from "@/lib/runtime/runtime";
import { templateFromRow } from "@/lib/templates/template";
import { runningRows } from "@/lib/workspaces/running-rows";
import { effectiveLimits, parseSettings } from "@/lib/workspaces/settings";

export type RunningWorkspace = {
  id: string;
  ownerId: string;
  memoryMb: number;
  cpus: number;
  /** The node it runs on (a cluster runtime). */
  nodeId?: string;
};

const MB = 1024 * 1024;

export async function runningWorkspaces({
  ownerIds,
  workloads,
}: {
  ownerIds?: string[];
  /** The managed workloads, when the caller has just listed them. */
  workloads?: Workload[];
} = {}): Promise<RunningWorkspace[]> {
  const running = await runningRows(
    { id: true, ownerId: true, name: true, runtimeId: true, settings: true, template: true },
    { workloads, where: ownerIds ? { ownerId: { in: ownerIds } } : {} },
  );
  return running.map(({ row, workload }) => {
    const limits = effectiveLimits(parseSettings(row.settings), templateFromRow(row.template));
    return {
      id: row.id,
      ownerId: row.ownerId,
      memoryMb: limits.memoryMb,
      cpus: limits.cpus,
      ...(workload.node ? { nodeId: workload.node.id } : {}),
    };
  });
}

export const bytesOfMb = (mb: number) => mb * MB;
