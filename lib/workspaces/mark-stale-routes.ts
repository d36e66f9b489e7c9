// Workloads made under other routing (path routing before subdomains, another WORKSPACE_DOMAIN, local ports) keep
// running after an upgrade — Docker can't relabel a container — but Traefik routes them by their old labels. At
// start each one whose routing labels differ from what its workspace would get now is marked for re-creation: the
// next Open, Start or Restart makes it anew (data kept), and its card says so meanwhile.
import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ingressLabels } from "@/lib/ingress/ingress";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { templateFromRow } from "@/lib/templates/template";
import { managedSelector } from "@/lib/workspaces/labels";
import { appsMadeFrom } from "@/lib/workspaces/made-from";
import { workloadOf } from "@/lib/workspaces/match-workloads";

const routing = (labels: Record<string, string>) =>
  JSON.stringify(
    Object.entries(labels)
      .filter(([key]) => key.startsWith("traefik."))
      .sort(([a], [b]) => a.localeCompare(b)),
  );

export async function markStaleRoutes(): Promise<number> {
  const env = getEnv();
  const workloads = await getRuntime().list(managedSelector(env.LABEL_PREFIX));
  if (workloads.length === 0) return 0;
  const rows = await getDb().workspace.findMany({
    // (SQL's NOT of a comparison with NULL is never true: the null case is named.)
    where: { OR: [{ pendingChange: null }, { pendingChange: { not: "recreate" } }] },
    include: { template: true },
  });
  let marked = 0;
  for (const row of rows) {
    const workload = workloadOf(env.LABEL_PREFIX, row, workloads);
    if (!workload) continue;
    const wanted = ingressLabels(env, {
      workspaceId: row.id,
      routeKey: row.routeKey,
      hostKey: row.hostKey,
      // What its workload was made from: only the routing rule, not a template edit, makes it stale here.
      apps: appsMadeFrom(row, templateFromRow(row.template).apps),
    });
    if (routing(wanted) === routing(workload.labels)) continue;
    await getDb().workspace.update({ where: { id: row.id }, data: { pendingChange: "recreate" } });
    marked += 1;
  }
  return marked;
}
