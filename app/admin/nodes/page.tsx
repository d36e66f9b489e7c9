import type { Metadata } from "next";
import { TableHead } from "@/components/admin/engine/engine-table";
import { JoinWorker } from "@/components/admin/nodes/join-worker";
import { NodeActions } from "@/components/admin/nodes/node-actions";
import { NodeAvailabilityBadge, NodeStatusBadge } from "@/components/admin/nodes/node-badges";
import { formatCpus, formatMemory } from "@/components/admin/nodes/node-format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listNodes } from "@/lib/admin/nodes/list-nodes";
import type { NodesView } from "@/lib/admin/nodes/node-view";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Nodes" };

const HEADERS = [
  "Node",
  "Role",
  "Status",
  "Availability",
  "Address",
  "Engine",
  "CPUs",
  "Memory",
  "Reserved",
  "Tasks",
  "Pinned",
  "",
];

function SingleEngine() {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">Nodes</CardTitle>
        <CardDescription>
          This platform runs on one Docker engine (<code>RUNTIME=docker</code>): there are no nodes to manage.
          To spread workspaces over several machines, run it on a Docker Swarm with <code>RUNTIME=swarm</code>{" "}
          and
          <code> DOCKER_HOST</code> a manager; the README's section "Deploy on a Docker Swarm" says how.
        </CardDescription>
      </CardHeader>
    </Card>
  );
}

// The cluster's nodes: their state and resources, what our workspaces hold on each, drain and activate, and how a
// new machine joins.
export default async function AdminNodesPage() {
  const admin = await requireAdminOrNotFound("/admin/nodes");
  let view: NodesView | null = null;
  let problem: string | null = null;
  try {
    view = await listNodes({ actor: actorFromSessionUser(admin) });
  } catch (error) {
    problem =
      error instanceof AppError ? error.message : "The nodes could not be listed. Please reload the page.";
  }
  if (view?.runtime === "docker") return <SingleEngine />;
  return (
    <div className="flex flex-col gap-6">
      {problem && (
        <Alert variant="destructive">
          <AlertDescription>{problem}</AlertDescription>
        </Alert>
      )}
      <Card>
        <CardHeader>
          <CardTitle className="text-xl">Nodes</CardTitle>
          <CardDescription>
            Every machine of the Swarm. Reserved is what this app's workspaces running or pinned there keep
            for themselves; pinned ones have their data on that node and run only there. Draining moves
            running workspaces elsewhere (pinned ones wait); activating moves nothing back.
          </CardDescription>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="nodes">
            <TableHead headers={HEADERS} />
            <tbody className="divide-y">
              {view?.nodes.map((node) => (
                <tr
                  key={node.id}
                  data-testid="node"
                  data-node={node.hostname}
                  className={cn(node.status !== "ready" && "bg-destructive/5")}
                >
                  <td className="px-2 py-2">
                    <div className="flex flex-wrap items-center gap-1">
                      <span className="font-medium">{node.hostname}</span>
                      {node.self && <Badge variant="outline">this app</Badge>}
                      {node.leader && <Badge variant="outline">leader</Badge>}
                    </div>
                    <code className="font-mono text-xs text-muted-foreground">{node.id.slice(0, 12)}</code>
                  </td>
                  <td className="px-2 py-2">{node.role}</td>
                  <td className="px-2 py-2">
                    <NodeStatusBadge status={node.status} />
                  </td>
                  <td className="px-2 py-2">
                    <NodeAvailabilityBadge availability={node.availability} />
                  </td>
                  <td className="px-2 py-2 font-mono text-xs">{node.address}</td>
                  <td className="px-2 py-2">{node.engine_version}</td>
                  <td className="px-2 py-2">{formatCpus(node.cpus)}</td>
                  <td className="px-2 py-2 whitespace-nowrap">{formatMemory(node.memory_bytes)}</td>
                  <td className="px-2 py-2 whitespace-nowrap">
                    <div>
                      {formatCpus(node.reserved.cpus)} of {formatCpus(node.cpus)} CPUs
                    </div>
                    <div>
                      {formatMemory(node.reserved.memory_bytes)} of {formatMemory(node.memory_bytes)}
                    </div>
                  </td>
                  <td className="px-2 py-2">{node.tasks}</td>
                  <td className="px-2 py-2">{node.pinned}</td>
                  <td className="px-2 py-2 text-right">
                    <NodeActions node={node} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle className="text-xl">Join a worker</CardTitle>
          <CardDescription>
            Run this on a new machine with Docker installed to add it as a worker. It holds the Swarm's worker
            token: anyone with it can add a machine that gets workspaces, so showing it is recorded in the
            audit log.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <JoinWorker />
        </CardContent>
      </Card>
    </div>
  );
}
