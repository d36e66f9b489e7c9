import type { Metadata } from "next";
import Link from "next/link";
import { ContainersTable } from "@/components/admin/engine/containers/containers-table";
import { EngineCard } from "@/components/admin/engine/engine-table";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";
import type { ContainersView } from "@/lib/engine/containers/container-view";
import { listContainers } from "@/lib/engine/containers/list-containers";
import { AppError } from "@/lib/errors";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Containers" };

function Toggle({ all }: { all: boolean }) {
  const item = (active: boolean) =>
    cn(
      "rounded-md border px-3 py-1 text-sm text-muted-foreground hover:text-foreground",
      active && "bg-background font-medium text-foreground",
    );
  return (
    <nav aria-label="Which containers" className="flex gap-1">
      <Link href="/admin/engine/containers" aria-current={all ? undefined : "page"} className={item(!all)}>
        Running
      </Link>
      <Link
        href="/admin/engine/containers?all=true"
        aria-current={all ? "page" : undefined}
        className={item(all)}
      >
        All
      </Link>
    </nav>
  );
}

// Every container on the engine, this app's and anyone else's: running ones, or all with ?all=true.
export default async function EngineContainersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireAdminOrNotFound("/admin/engine/containers");
  const all = (await searchParams).all === "true";
  let view: ContainersView | null = null;
  let problem: string | null = null;
  try {
    view = await listContainers({ actor: actorFromSessionUser(admin), all });
  } catch (error) {
    problem =
      error instanceof AppError ? error.message : "The containers could not be listed. Please reload.";
  }
  return (
    <EngineCard
      title="Containers"
      description={
        <>
          Everything the engine runs, not only workspaces. This app's containers link to their workspace and
          owner; the platform's own (this app, Traefik, anything labelled <code>spawner.protected</code>) are
          marked, and stopping, restarting or removing one takes typing its name.
        </>
      }
    >
      <Toggle all={all} />
      {problem && (
        <Alert variant="destructive">
          <AlertDescription>{problem}</AlertDescription>
        </Alert>
      )}
      {view && <ContainersTable containers={view.containers} />}
    </EngineCard>
  );
}
