// Use case: the system stops a workspace the culler found idle or past its lifetime. Stop, never delete: its data
// stays, and the next launch simply starts it again. Recorded with why, on the row (the card says it) and in the
// audit log.
import "server-only";
import { SYSTEM } from "@/lib/audit/audit-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { isInFlight, launchKey } from "@/lib/workspaces/in-flight";

export type CullReason = "inactivity" | "lifetime";

export async function stopIdleWorkspace({
  workspace,
  workloadId,
  reason,
  details,
}: {
  workspace: { id: string; name: string; ownerId: string; ownerEmail: string };
  workloadId: string;
  reason: CullReason;
  details: Record<string, unknown>;
}): Promise<boolean> {
  // Its owner opened it while the culler was looking: the launch wins.
  if (isInFlight(launchKey(workspace.ownerId, workspace.name))) return false;
  await getRuntime().stop(workloadId);
  // Unless someone stopped it meanwhile: their reason stays.
  await getDb().workspace.updateMany({
    where: { id: workspace.id, stoppedReason: null },
    data: { stoppedReason: reason, stoppedAt: new Date() },
  });
  await recordAudit(SYSTEM, {
    action: "workspace.stop",
    target: { type: "workspace", id: workspace.id, name: workspace.name },
    owner: { id: workspace.ownerId, email: workspace.ownerEmail },
    details: { reason, ...details },
  });
  return true;
}
