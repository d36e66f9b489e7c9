// Use case: one resource sample of a running workspace (CPU %, memory, network, processes).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { findVisibleWorkspace, findWorkload } from "@/lib/workspaces/workspace-store";

/** The wire shape of GET …/stats. */
export type StatsView = {
  cpu_percent: number;
  memory_bytes: number;
  memory_limit_bytes: number;
  network_rx_bytes: number;
  network_tx_bytes: number;
  pids: number;
  read_at: string;
};

export async function readWorkspaceStats({
  actor,
  workspaceId,
}: {
  actor: Actor;
  workspaceId: string;
}): Promise<StatsView> {
  const workspace = await findVisibleWorkspace(actor, workspaceId);
  const workload = await findWorkload(workspace);
  if (workload?.state !== "running") throw new AppError("CONFLICT", "The workspace is not running.");
  const stats = await getRuntime().stats(workload.id);
  return {
    cpu_percent: stats.cpuPercent,
    memory_bytes: stats.memoryBytes,
    memory_limit_bytes: stats.memoryLimitBytes,
    network_rx_bytes: stats.networkRxBytes,
    network_tx_bytes: stats.networkTxBytes,
    pids: stats.pids,
    read_at: stats.readAt,
  };
}
