import { AlertTriangle } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/admin/audit-table";
import { OverviewCapacity, OverviewUsage } from "@/components/admin/overview-usage";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { StatsHistory } from "@/components/workspaces/stats-history";
import { StatusBadge } from "@/components/workspaces/status-badge";
import { readOverview } from "@/lib/admin/read-overview";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";
import { WORKSPACE_STATUSES } from "@/lib/workspaces/status";

export const metadata: Metadata = { title: "Overview" };

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="flex flex-col" data-testid={testId}>
      <span className="text-2xl font-semibold tabular-nums">{value}</span>
      <span className="text-sm text-muted-foreground">{label}</span>
    </div>
  );
}

// The platform at a glance: what needs attention first, then accounts, workspaces, resources, capacity and recent
// changes.
export default async function AdminOverviewPage() {
  const admin = await requireAdminOrNotFound("/admin");
  const overview = await readOverview({ actor: actorFromSessionUser(admin) });
  return (
    <div className="flex flex-col gap-6">
      {overview.warnings.map((warning) => (
        <Alert key={warning.message} variant="destructive" data-testid={`warning-${warning.kind}`}>
          <AlertTriangle aria-hidden />
          <AlertDescription>
            {warning.message}{" "}
            {warning.href && (
              <Link href={warning.href} className="underline">
                Look
              </Link>
            )}
          </AlertDescription>
        </Alert>
      ))}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-4">
        <Card>
          <CardHeader>
            <CardTitle>Users</CardTitle>
          </CardHeader>
          <CardContent className="flex gap-6">
            <Count label="accounts" value={overview.users.total} testId="users-total" />
            <Count label="active admins" value={overview.users.admins} testId="users-admins" />
            <Count label="disabled" value={overview.users.disabled} testId="users-disabled" />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Workspaces</CardTitle>
            <CardDescription>{overview.workspaces.total} in all</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-wrap gap-3">
            {overview.workspaces.byStatus ? (
              WORKSPACE_STATUSES.map((status) => (
                <Link
                  key={status}
                  href={`/admin/workspaces?status=${status}`}
                  className="flex items-center gap-2 text-sm"
                  data-testid={`workspaces-${status}`}
                >
                  <StatusBadge status={status} />
                  <span className="tabular-nums">{overview.workspaces.byStatus?.[status] ?? 0}</span>
                </Link>
              ))
            ) : (
              <p className="text-sm text-muted-foreground">Unknown while the engine is unreachable.</p>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Resources</CardTitle>
          </CardHeader>
          <CardContent>
            <OverviewUsage usage={overview.usage} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Capacity</CardTitle>
            <CardDescription>What starts are admitted against: memory limits, not use.</CardDescription>
          </CardHeader>
          <CardContent>
            <OverviewCapacity capacity={overview.capacity} />
          </CardContent>
        </Card>
      </div>
      <Card className="min-w-0" data-testid="platform-history">
        <CardHeader>
          <CardTitle>Resource history</CardTitle>
          <CardDescription>
            What all running workspaces used together, as the stats sampler recorded it.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <StatsHistory url="/api/v1/admin/stats/history" />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Recent changes</CardTitle>
          <CardDescription>
            The latest audit events.{" "}
            <Link href="/admin/audit" className="underline">
              The whole log
            </Link>
          </CardDescription>
        </CardHeader>
        <CardContent>
          <AuditTable events={overview.recent} />
        </CardContent>
      </Card>
    </div>
  );
}
