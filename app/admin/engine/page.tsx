import type { Metadata } from "next";
import { DiskUseTable } from "@/components/admin/engine/system/disk-use-table";
import { EngineProblem, loadOrProblem } from "@/components/admin/engine/system/engine-problem";
import { SystemFacts } from "@/components/admin/engine/system/system-facts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";
import { readSystem } from "@/lib/engine/system/read-system";

export const metadata: Metadata = { title: "System" };

// The engine itself: version, drivers, resources, what it runs, and where its disk goes.
export default async function EngineSystemPage() {
  const admin = await requireAdminOrNotFound("/admin/engine");
  const { data: system, problem } = await loadOrProblem(
    () => readSystem({ actor: actorFromSessionUser(admin) }),
    "engine's facts",
  );
  return (
    <div className="flex flex-col gap-4">
      <EngineProblem problem={problem} />
      {system && (
        <>
          <Card>
            <CardHeader>
              <CardTitle className="text-xl">Engine</CardTitle>
              <CardDescription>The Docker Engine this platform runs its workspaces on.</CardDescription>
            </CardHeader>
            <CardContent>
              <SystemFacts system={system} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="text-xl">Disk use</CardTitle>
              <CardDescription>
                What the engine keeps on disk. Reclaimable is the engine's own figure for what no container
                uses; the Images and Volumes tabs prune only what is neither a template's image nor this app's
                data.
              </CardDescription>
            </CardHeader>
            <CardContent className="overflow-x-auto">
              <DiskUseTable disk={system.disk} />
            </CardContent>
          </Card>
        </>
      )}
    </div>
  );
}
