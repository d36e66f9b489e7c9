import type { Metadata } from "next";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AutoRefresh } from "@/components/workspaces/auto-refresh";
import { slotCardProps, workspaceCardProps } from "@/components/workspaces/card-props";
import { KeptVolumes } from "@/components/workspaces/kept-volumes";
import { NewWorkspaceDialog } from "@/components/workspaces/new-workspace-dialog";
import { WorkspaceCard } from "@/components/workspaces/workspace-card";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listTemplateViews } from "@/lib/templates/list-template-views";
import { listKeptVolumes } from "@/lib/workspaces/kept-volumes";
import { listSlotsAndWorkspaces } from "@/lib/workspaces/list-slots";

export const metadata: Metadata = { title: "Dashboard" };

async function load(actor: ReturnType<typeof actorFromSessionUser>) {
  const [workspaces, templates, keptVolumes] = await Promise.all([
    listSlotsAndWorkspaces({ actor }),
    listTemplateViews(),
    listKeptVolumes({ actor }),
  ]);
  return { ...workspaces, templates, keptVolumes };
}

export default async function DashboardPage() {
  // Layouts don't re-run on every navigation, so the page checks identity itself too.
  const user = await requireUserOrRedirect("/dashboard");
  let data: Awaited<ReturnType<typeof load>> | null = null;
  let problem: string | null = null;
  try {
    data = await load(actorFromSessionUser(user));
  } catch (error) {
    problem =
      error instanceof AppError
        ? error.message
        : "Your workspaces could not be loaded. Please reload the page.";
  }
  return (
    <div className="flex flex-col gap-6">
      <AutoRefresh />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Your workspaces</h1>
          <p className="text-muted-foreground" data-testid="welcome">
            Signed in as {user.email} ({user.slug}).
          </p>
        </div>
        {data && <NewWorkspaceDialog templates={data.templates} keptVolumes={data.keptVolumes} />}
      </div>
      {!data ? (
        <Alert variant="destructive">
          <AlertTitle className="col-start-1">Workspaces unavailable</AlertTitle>
          <AlertDescription className="col-start-1">{problem}</AlertDescription>
        </Alert>
      ) : (
        <>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            {data.slots.map(({ slot, workspace }) => (
              <WorkspaceCard key={slot.type} {...slotCardProps(slot, workspace)} />
            ))}
            {data.others.map((workspace) => (
              <WorkspaceCard key={workspace.id} {...workspaceCardProps(workspace)} />
            ))}
          </div>
          {data.keptVolumes.length > 0 && (
            <Card data-testid="kept-data">
              <CardHeader>
                <CardTitle>Kept data</CardTitle>
                <CardDescription>
                  Data volumes of workspaces you deleted. Choose one under Data in a new workspace, or remove
                  it.
                </CardDescription>
              </CardHeader>
              <CardContent>
                <KeptVolumes volumes={data.keptVolumes} />
              </CardContent>
            </Card>
          )}
        </>
      )}
    </div>
  );
}
