import type { Metadata } from "next";
import { EngineCard, TableHead } from "@/components/admin/engine/engine-table";
import { CreateNetworkDialog } from "@/components/admin/engine/networks/create-network-dialog";
import { RemoveNetworkButton } from "@/components/admin/engine/networks/remove-network-button";
import { EmptyRow } from "@/components/admin/engine/system/empty-row";
import { EngineProblem, loadOrProblem } from "@/components/admin/engine/system/engine-problem";
import { formatDate, shortId } from "@/components/admin/engine/system/format";
import { Badge } from "@/components/ui/badge";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";
import { listNetworks } from "@/lib/engine/networks/list-networks";
import { isSwarmManager } from "@/lib/engine/system/swarm-manager";

export const metadata: Metadata = { title: "Networks" };

const HEADERS = ["Network", "Id", "Driver", "Scope", "Subnets", "Containers", "Created", ""];

// Every network on the engine with what is attached; create bridges (overlays on a Swarm), remove unprotected ones.
export default async function EngineNetworksPage() {
  const admin = await requireAdminOrNotFound("/admin/engine/networks");
  const { data, problem } = await loadOrProblem(async () => {
    const [networks, swarm] = await Promise.all([
      listNetworks({ actor: actorFromSessionUser(admin) }),
      isSwarmManager(),
    ]);
    return { networks, swarm };
  }, "networks");
  return (
    <EngineCard
      title="Networks"
      description={
        <>
          The engine's own networks, the one workspaces run on and the ones Spawner itself is attached to are
          protected. A network with containers on it (running or stopped) is not removed.
        </>
      }
      actions={<CreateNetworkDialog swarm={data?.swarm ?? false} />}
    >
      <EngineProblem problem={problem} />
      <table className="w-full text-sm" data-testid="networks">
        <TableHead headers={HEADERS} />
        <tbody className="divide-y">
          {data?.networks.length === 0 && <EmptyRow columns={HEADERS.length} text="No networks." />}
          {data?.networks.map((network) => (
            <tr key={network.id} data-testid="network" data-network={network.name}>
              <td className="px-2 py-2">
                <div className="flex flex-wrap items-center gap-1">
                  <span className="font-medium">{network.name}</span>
                  {network.protected && (
                    <Badge variant="outline" title={network.protected}>
                      protected
                    </Badge>
                  )}
                  {network.internal && <Badge variant="outline">internal</Badge>}
                  {network.attachable && <Badge variant="outline">attachable</Badge>}
                </div>
              </td>
              <td className="px-2 py-2 font-mono text-xs">{shortId(network.id)}</td>
              <td className="px-2 py-2">{network.driver}</td>
              <td className="px-2 py-2">{network.scope}</td>
              <td className="px-2 py-2 font-mono text-xs">{network.subnets.join(", ") || "—"}</td>
              <td className="px-2 py-2 text-xs">{network.containers.join(", ") || "—"}</td>
              <td className="px-2 py-2 whitespace-nowrap">{formatDate(network.created_at)}</td>
              <td className="px-2 py-2 text-right">
                <RemoveNetworkButton network={network} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </EngineCard>
  );
}
