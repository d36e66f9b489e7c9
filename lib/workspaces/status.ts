// What people see: one of five statuses, read from the workload (and this process's own launches).
import type { WorkloadState } from "@/lib/runtime/runtime";

export const WORKSPACE_STATUSES = ["not_created", "creating", "running", "stopped", "error"] as const;
export type WorkspaceStatus = (typeof WORKSPACE_STATUSES)[number];

export function statusOf(
  workload: { state: WorkloadState; waiting?: string } | null,
  launching: boolean,
): WorkspaceStatus {
  if (launching) return "creating";
  if (!workload) return "not_created";
  // Waiting for something that is not coming by itself soon (its node down, no room anywhere): people must see it.
  if (workload.state === "pending" && workload.waiting) return "error";
  switch (workload.state) {
    case "running":
      return "running";
    case "stopped":
      return "stopped";
    case "pending":
      return "creating";
    default:
      return "error";
  }
}
