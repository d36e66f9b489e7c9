import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContainerActions } from "@/components/admin/engine/containers/container-actions";
import { ContainerStateBadge, ProtectedBadge } from "@/components/admin/engine/containers/container-badges";
import {
  EnvSection,
  LabelsSection,
  MountsSection,
  NetworksSection,
  OverviewSection,
} from "@/components/admin/engine/containers/container-sections";
import { LogViewer } from "@/components/admin/engine/log-viewer/log-viewer";
import { EngineProblem, loadOrProblem } from "@/components/admin/engine/system/engine-problem";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";
import { inspectContainer } from "@/lib/engine/containers/inspect-container";
import { AppError } from "@/lib/errors";
import { OBJECT_NAME } from "@/lib/validations/engine-objects";

export const metadata: Metadata = { title: "Container" };

// One container on the engine: what it is, where it is connected, its environment (secrets masked), its actions and
// its log.
export default async function EngineContainerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const admin = await requireAdminOrNotFound(`/admin/engine/containers/${id}`);
  if (!OBJECT_NAME.test(id)) notFound();
  // A container that is not there is a 404 page, not a problem: null here, notFound() outside the catch.
  const { data: container, problem } = await loadOrProblem(
    () =>
      inspectContainer({ actor: actorFromSessionUser(admin), ref: id }).catch((error: unknown) => {
        if (error instanceof AppError && error.code === "ENGINE_OBJECT_NOT_FOUND") return null;
        throw error;
      }),
    "container",
  );
  if (!container) {
    if (!problem) notFound();
    return <EngineProblem problem={problem} />;
  }
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <Link href="/admin/engine/containers" className="text-sm text-muted-foreground hover:underline">
            ← Containers
          </Link>
          <h2 className="flex flex-wrap items-center gap-2 text-xl font-semibold">
            {container.name}
            <ContainerStateBadge state={container.state} />
            <ProtectedBadge protection={container.protected} />
          </h2>
          {container.protected && (
            <p className="text-sm text-muted-foreground">{container.protected.message}</p>
          )}
        </div>
        <ContainerActions container={container} afterRemove="/admin/engine/containers?all=true" />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <OverviewSection container={container} />
        <div className="flex flex-col gap-4">
          <NetworksSection container={container} />
          <MountsSection container={container} />
        </div>
      </div>
      <Card>
        <CardHeader>
          <CardTitle className="text-base">Log</CardTitle>
        </CardHeader>
        <CardContent>
          <LogViewer containerId={container.id} tty={container.tty} />
        </CardContent>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <EnvSection container={container} />
        <LabelsSection container={container} />
      </div>
    </div>
  );
}
