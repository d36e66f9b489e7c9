// One row of the admin's workspace list as the page and GET /api/v1/admin/workspaces give it (snake_case wire).
import type { AdminWorkspaceEntry } from "@/lib/admin/matching-workspaces";
import type { WorkspaceStatus } from "@/lib/workspaces/status";

export type AdminWorkspaceView = {
  id: string;
  name: string;
  display_name: string;
  owner: { id: string; email: string; slug: string };
  template: { name: string; display_name: string };
  status: WorkspaceStatus;
  container_id: string | null;
  /** While running: when it started (as exact as the runtime's list tells) and for how long it has run. */
  started_at: string | null;
  uptime_seconds: number | null;
  /** The background sampler's last reading; null when not running or not read yet. */
  cpu_percent: number | null;
  memory_bytes: number | null;
  stats_read_at: string | null;
  created_at: string;
  last_used: string;
};

export function adminWorkspaceView(entry: AdminWorkspaceEntry, now = Date.now()): AdminWorkspaceView {
  const { row, workload, status, usage } = entry;
  const started = status === "running" ? workload?.startedAt : undefined;
  return {
    id: row.id,
    name: row.name,
    display_name: row.displayName,
    owner: row.owner,
    template: { name: row.template.name, display_name: row.template.displayName },
    status,
    container_id: workload?.id ?? null,
    started_at: started?.toISOString() ?? null,
    uptime_seconds: started ? Math.max(0, Math.round((now - started.getTime()) / 1000)) : null,
    cpu_percent: usage?.cpuPercent ?? null,
    memory_bytes: usage?.memoryBytes ?? null,
    stats_read_at: usage?.readAt ?? null,
    created_at: row.createdAt.toISOString(),
    last_used: row.lastUsedAt.toISOString(),
  };
}
