import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AppFrame } from "@/components/workspaces/app-frame";
import { AppLinks } from "@/components/workspaces/app-links";
import { AutoRefresh } from "@/components/workspaces/auto-refresh";
import { LogViewer } from "@/components/workspaces/log-viewer";
import { SettingsForm } from "@/components/workspaces/settings-form";
import { StatsHistory } from "@/components/workspaces/stats-history";
import { StatsPanel } from "@/components/workspaces/stats-panel";
import { StatusBadge } from "@/components/workspaces/status-badge";
import { TemplateUpdate } from "@/components/workspaces/template-update";
import { WorkspaceDetails } from "@/components/workspaces/workspace-details";
import { WorkspaceHistory } from "@/components/workspaces/workspace-history";
import { pendingNote, workspaceNote } from "@/components/workspaces/workspace-note";
import { WorkspacePageControls } from "@/components/workspaces/workspace-page-controls";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { currentUser, requireUserOrRedirect } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listTemplateViews } from "@/lib/templates/list-template-views";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

type Props = { params: Promise<{ id: string }> };

/** One read per request for the title and the page; a workspace the caller may not see is a 404. */
const load = cache(async (id: string): Promise<{ workspace: WorkspaceView } | { problem: string } | null> => {
  const user = await currentUser();
  if (!user) return null;
  try {
    return { workspace: await getWorkspace({ actor: actorFromSessionUser(user), workspaceId: id }) };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return null;
    return {
      problem:
        error instanceof AppError
          ? error.message
          : "This workspace could not be loaded. Please reload the page.",
    };
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).id);
  return { title: loaded && "workspace" in loaded ? loaded.workspace.display_name : "Workspace" };
}

async function limitDefaults(template: string) {
  const templates = await listTemplateViews().catch(() => []);
  return templates.find((candidate) => candidate.name === template)?.limits.default ?? null;
}

export default async function WorkspacePage({ params }: Props) {
  const { id } = await params;
  // Layouts don't re-run on every navigation, so the page checks identity itself too.
  const user = await requireUserOrRedirect(`/workspaces/${encodeURIComponent(id)}`);
  const loaded = await load(id);
  if (!loaded) notFound();
  const back = (
    <Link
      href="/dashboard"
      className="inline-flex w-fit items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground"
    >
      <ArrowLeft className="size-4" aria-hidden /> Back to dashboard
    </Link>
  );
  if ("problem" in loaded)
    return (
      <div className="flex flex-col gap-6">
        {back}
        <Alert variant="destructive">
          <AlertTitle className="col-start-1">Workspace unavailable</AlertTitle>
          <AlertDescription className="col-start-1">{loaded.problem}</AlertDescription>
        </Alert>
      </div>
    );
  const { workspace } = loaded;
  const created = workspace.container_id !== null;
  const note = workspaceNote(workspace);
  return (
    <div className="flex flex-col gap-6">
      <AutoRefresh />
      {back}
      <div className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight break-words">{workspace.display_name}</h1>
          <StatusBadge status={workspace.status} />
        </div>
        <p className="text-muted-foreground">{workspace.template.description}</p>
      </div>

      <Card>
        <CardContent className="gap-5">
          <WorkspaceDetails workspace={workspace} />
          {note && (
            <p
              className="text-sm text-muted-foreground"
              data-testid={pendingNote(workspace.pending_change) ? "pending-change" : "stopped-note"}
            >
              {note}
            </p>
          )}
          {!created && (
            <p className="text-sm text-muted-foreground" data-testid="not-created">
              This workspace has not been started yet. Open makes its container, starts it and opens its
              service; its logs and live stats show here once it exists.
            </p>
          )}
          <TemplateUpdate workspace={workspace} />
          <AppLinks workspace={workspace} />
          <WorkspacePageControls workspace={workspace} />
        </CardContent>
      </Card>

      {workspace.embed_url && (
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>{workspace.apps.find((app) => app.primary)?.name ?? "App"}</CardTitle>
            <CardDescription>The workspace itself, on its own address, shown here.</CardDescription>
          </CardHeader>
          <CardContent>
            <AppFrame key={workspace.container_id} url={workspace.embed_url} title={workspace.display_name} />
          </CardContent>
        </Card>
      )}

      {created && (
        <>
          <Card>
            <CardHeader>
              <CardTitle>Resources</CardTitle>
              <CardDescription>Sampled every 2 seconds while this page is open.</CardDescription>
            </CardHeader>
            <StatsPanel key={`${workspace.container_id}:${workspace.status}`} workspaceId={workspace.id} />
          </Card>
          <Card className="min-w-0" data-testid="history-card">
            <CardHeader>
              <CardTitle>Resource history</CardTitle>
              <CardDescription>
                CPU, memory and network, recorded in the background while it runs: every sample for the last
                hour, 5-minute averages for the last day, 2-hour averages for the last month.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <StatsHistory url={`/api/workspaces/${encodeURIComponent(workspace.id)}/stats/history`} />
            </CardContent>
          </Card>
          <Card className="min-w-0">
            <CardHeader>
              <CardTitle>Log</CardTitle>
              <CardDescription>The last 200 lines, then new output as it is written.</CardDescription>
            </CardHeader>
            {/* A restart or start changes last_used: a fresh stream follows the new run. */}
            <LogViewer
              key={`${workspace.container_id}:${workspace.status}:${workspace.last_used}`}
              workspaceId={workspace.id}
            />
          </Card>
        </>
      )}

      <Card>
        <CardHeader>
          <CardTitle>Settings</CardTitle>
          <CardDescription>
            Saved at once; a running workspace gets new limits by a restart, and new variables or files by a
            re-creation. Its data is kept either way.
          </CardDescription>
        </CardHeader>
        <SettingsForm workspace={workspace} defaults={await limitDefaults(workspace.template.name)} />
      </Card>

      <WorkspaceHistory actor={actorFromSessionUser(user)} workspaceId={workspace.id} />
    </div>
  );
}
