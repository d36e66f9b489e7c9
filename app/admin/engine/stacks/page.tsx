import type { Metadata } from "next";
import { EngineCard, TableHead } from "@/components/admin/engine/engine-table";
import { DeployStackDialog } from "@/components/admin/engine/stacks/deploy-stack-dialog";
import { StackActions } from "@/components/admin/engine/stacks/stack-actions";
import { ContainerStateBadge, StackStateBadge } from "@/components/admin/engine/stacks/stack-badges";
import { EngineProblem, loadOrProblem } from "@/components/admin/engine/system/engine-problem";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";
import { listStacks } from "@/lib/engine/stacks/list-stacks";
import type { StackView } from "@/lib/engine/stacks/stack-view";

export const metadata: Metadata = { title: "Stacks" };

function StackRow({ stack }: { stack: StackView }) {
  return (
    <tr data-testid="stack" data-stack={stack.name} className="align-top">
      <td className="px-2 py-2">
        <div className="flex flex-wrap items-center gap-1">
          <span className="font-medium">{stack.name}</span>
          {stack.protected && (
            <Badge variant="outline" title={stack.protected}>
              protected
            </Badge>
          )}
        </div>
      </td>
      <td className="px-2 py-2">
        <StackStateBadge state={stack.state} />
      </td>
      <td className="px-2 py-2">
        <ul className="flex flex-col gap-1">
          {stack.services.map((service) => (
            <li key={service.name} data-testid="stack-service" data-service={service.name}>
              <span className="font-mono text-xs font-semibold">{service.name || "(no service label)"}</span>
              <ul className="ml-3">
                {service.containers.map((container) => (
                  <li key={container.id} className="flex flex-wrap items-center gap-2 text-xs">
                    <ContainerStateBadge state={container.state} />
                    <span className="font-mono">{container.name}</span>
                    <span className="text-muted-foreground">
                      {container.image} · {container.status}
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </td>
      <td className="px-2 py-2 font-mono text-xs">
        {stack.networks.map((network) => (
          <div key={network.id}>{network.name}</div>
        ))}
      </td>
      <td className="px-2 py-2 font-mono text-xs">
        {stack.volumes.map((volume) => (
          <div key={volume.name}>{volume.name}</div>
        ))}
      </td>
      <td className="px-2 py-2 text-right">
        <StackActions stack={stack} />
      </td>
    </tr>
  );
}

// The engine's Compose stacks, made here or elsewhere (by their labels): deploy a compose file, stop, start and
// remove one. Admins only; the tool is the one on the app's machine.
export default async function EngineStacksPage() {
  const admin = await requireAdminOrNotFound("/admin/engine/stacks");
  const { data: view, problem } = await loadOrProblem(
    () => listStacks({ actor: actorFromSessionUser(admin) }),
    "stacks",
  );
  return (
    <div className="flex flex-col gap-4">
      <EngineProblem problem={problem} />
      {view && !view.tool && (
        <Alert variant="destructive" data-testid="no-compose-tool">
          <AlertTitle>Stacks can't be deployed from here</AlertTitle>
          <AlertDescription>{view.message}</AlertDescription>
        </Alert>
      )}
      <EngineCard
        title="Stacks"
        description={
          <>
            Every Compose project on the engine, whoever deployed it, found by its com.docker.compose.project
            labels.{" "}
            {view?.tool && (
              <>
                Deploys run <code>{view.tool.command}</code> {view.tool.version}.
              </>
            )}{" "}
            A stack that holds this app or Traefik is protected: stopping or removing it takes its name typed.
          </>
        }
        actions={<DeployStackDialog disabled={!view?.tool} />}
      >
        {view && view.stacks.length === 0 ? (
          <p className="text-sm text-muted-foreground">No stacks on the engine yet.</p>
        ) : (
          <table className="w-full text-sm" data-testid="stacks">
            <TableHead headers={["Stack", "State", "Services", "Networks", "Volumes", ""]} />
            <tbody className="divide-y">
              {view?.stacks.map((stack) => (
                <StackRow key={stack.name} stack={stack} />
              ))}
            </tbody>
          </table>
        )}
      </EngineCard>
    </div>
  );
}
