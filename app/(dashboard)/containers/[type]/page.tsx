import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContainerDetails } from "@/components/containers/container-details";
import { ContainerPageControls } from "@/components/containers/container-page-controls";
import { LogViewer } from "@/components/containers/log-viewer";
import { StatsPanel } from "@/components/containers/stats-panel";
import { StatusBadge } from "@/components/containers/status-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { type ContainerDetails as Details, getUserContainer } from "@/lib/containers/get-user-container";
import { AppError } from "@/lib/errors";
import { getTemplates } from "@/lib/templates/get-templates";
import { isContainerType } from "@/lib/templates/registry";

type Props = { params: Promise<{ type: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { type } = await params;
  return { title: isContainerType(type) ? getTemplates()[type].displayName : "Not found" };
}

export default async function ContainerPage({ params }: Props) {
  const { type } = await params;
  if (!isContainerType(type)) notFound();
  // Layouts don't re-run on every navigation, so the page checks identity itself too.
  const user = await requireUserOrRedirect(`/containers/${type}`);
  const template = getTemplates()[type];
  let container: Details | null = null;
  let problem: string | null = null;
  try {
    container = await getUserContainer({ owner: user, type });
  } catch (error) {
    problem =
      error instanceof AppError
        ? error.message
        : "This container could not be loaded. Please reload the page.";
  }

  return (
    <div className="flex flex-col gap-6">
      <Link
        href="/dashboard"
        className="inline-flex w-fit items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft className="size-4" aria-hidden /> Back to dashboard
      </Link>
      <div className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{template.displayName}</h1>
          {container && <StatusBadge status={container.status} />}
        </div>
        <p className="text-muted-foreground">{template.description}</p>
      </div>

      {!container ? (
        <Alert variant="destructive">
          <AlertTitle className="col-start-1">Container unavailable</AlertTitle>
          <AlertDescription className="col-start-1">{problem}</AlertDescription>
        </Alert>
      ) : (
        <>
          <Card>
            <CardContent className="gap-5">
              {container.status === "not_created" ? (
                <p className="text-sm text-muted-foreground" data-testid="not-created">
                  This container has not been created yet. Create &amp; Open makes it, starts it and opens its
                  service; its logs and live stats show here once it exists.
                </p>
              ) : (
                <ContainerDetails container={container} />
              )}
              <ContainerPageControls container={container} />
            </CardContent>
          </Card>

          {container.status !== "not_created" && (
            <>
              <Card>
                <CardHeader>
                  <CardTitle>Resources</CardTitle>
                  <CardDescription>Sampled every 2 seconds while this page is open.</CardDescription>
                </CardHeader>
                <StatsPanel key={`${container.container_id}:${container.status}`} type={type} />
              </Card>
              <Card className="min-w-0">
                <CardHeader>
                  <CardTitle>Log</CardTitle>
                  <CardDescription>The last 200 lines, then new output as it is written.</CardDescription>
                </CardHeader>
                {/* A restart or start changes last_used: a fresh stream follows the new run. */}
                <LogViewer
                  key={`${container.container_id}:${container.status}:${container.last_used}`}
                  type={type}
                />
              </Card>
            </>
          )}
        </>
      )}
    </div>
  );
}
