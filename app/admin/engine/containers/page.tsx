import type { Metadata } from "next";
import Link from "next/link";
import { ContainersTable } from "@/components/admin/engine/containers/containers-table";
import { EngineCard } from "@/components/admin/engine/engine-table";
import { EngineProblem, loadOrProblem } from "@/components/admin/engine/system/engine-problem";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";
import { listContainers } from "@/lib/engine/containers/list-containers";
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
  const { data: view, problem } = await loadOrProblem(
    () => listContainers({ actor: actorFromSessionUser(admin), all }),
    "containers",
  );
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
      <EngineProblem problem={problem} />
      {view && <ContainersTable containers={view.containers} />}
    </EngineCard>
  );
}
