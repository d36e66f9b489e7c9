import type { Metadata } from "next";
import { OrphanVolumeActions, OrphanWorkloadActions } from "@/components/admin/orphan-actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatTime } from "@/components/workspaces/format";
import { listOrphans, type Orphans } from "@/lib/admin/list-orphans";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Orphans" };

const ownerText = (owner: { id: string; email: string | null } | null) =>
  !owner ? "Unknown" : (owner.email ?? `Deleted account (${owner.id})`);

// What the engine holds for this app that no workspace or kept volume claims: remove it, or give a volume to a user.
export default async function AdminOrphansPage() {
  const admin = await requireAdminOrNotFound("/admin/orphans");
  let orphans: Orphans | null = null;
  let problem: string | null = null;
  try {
    orphans = await listOrphans({ actor: actorFromSessionUser(admin) });
  } catch (error) {
    problem =
      error instanceof AppError ? error.message : "The orphans could not be listed. Please reload the page.";
  }
  const graceMinutes = Math.round(getEnv().ORPHAN_GRACE_MS / 60_000);
  return (
    <div className="flex flex-col gap-6">
      {problem && (
        <Alert variant="destructive">
          <AlertDescription>{problem}</AlertDescription>
        </Alert>
      )}
      <Card>
        <CardHeader>
          <CardTitle className="text-xl">Orphaned workloads</CardTitle>
          <CardDescription>
            Labelled containers no workspace claims. The reconciler removes them {graceMinutes} minutes after
            it first sees them; their data volumes stay.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {orphans && orphans.workloads.length === 0 && (
            <p className="text-sm text-muted-foreground">None.</p>
          )}
          <ul className="divide-y" data-testid="orphan-workloads">
            {orphans?.workloads.map((workload) => (
              <li
                key={workload.id}
                className="flex flex-wrap items-center justify-between gap-3 py-3"
                data-testid="orphan-workload"
                data-workload={workload.id}
              >
                <div className="flex min-w-0 flex-col gap-0.5 text-sm">
                  <code className="font-mono text-xs break-all">{workload.name}</code>
                  <span className="text-muted-foreground">
                    {ownerText(workload.owner)} · {workload.workspace.name || "?"} (
                    {workload.workspace.template || "?"}) · {workload.image} · made{" "}
                    {formatTime(workload.created_at)}
                  </span>
                </div>
                <div className="flex items-center gap-2">
                  <Badge variant={workload.state === "running" ? "success" : "secondary"}>
                    {workload.state}
                  </Badge>
                  <OrphanWorkloadActions workload={workload} />
                </div>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle className="text-xl">Orphaned volumes</CardTitle>
          <CardDescription>
            Data volumes no workspace and no kept volume names (left by a deleted account, or by a removed
            workload). Give one to a user: it becomes one of their kept volumes, to attach to a new workspace.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {orphans && orphans.volumes.length === 0 && <p className="text-sm text-muted-foreground">None.</p>}
          <ul className="divide-y" data-testid="orphan-volumes">
            {orphans?.volumes.map((volume) => (
              <li
                key={volume.name}
                className="flex flex-col gap-2 py-3"
                data-testid="orphan-volume"
                data-volume={volume.name}
              >
                <div className="flex min-w-0 flex-col gap-0.5 text-sm">
                  <code className="font-mono text-xs break-all">{volume.name}</code>
                  <span className="text-muted-foreground">
                    {ownerText(volume.owner)} · made {formatTime(volume.created_at)}
                  </span>
                </div>
                <OrphanVolumeActions volume={volume} />
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </div>
  );
}
