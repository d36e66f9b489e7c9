"use client";

import { ExternalLink, Loader2, Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { launchContainerAction } from "@/app/(dashboard)/actions/launch-container";
import { StatusBadge } from "@/components/containers/status-badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { ContainerView } from "@/lib/containers/container-view";

function formatTime(iso: string | null): string {
  if (!iso) return "Never";
  return (
    new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(
      new Date(iso),
    ) + " UTC"
  );
}

export function ContainerCard({ container }: { container: ContainerView }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const status = pending ? "creating" : container.status;

  function launch() {
    setError(null);
    // Opened during the click so popup blockers allow it; pointed at the service once it runs.
    const tab = window.open("", "_blank");
    startTransition(async () => {
      const result = await launchContainerAction(container.type);
      if (!result.ok) {
        tab?.close();
        setError(result.error.message);
        return;
      }
      if (tab && result.data.service_url) {
        tab.opener = null;
        tab.location.href = result.data.service_url;
      } else {
        tab?.close();
      }
      router.refresh();
    });
  }

  return (
    <Card data-testid={`container-card-${container.type}`}>
      <CardHeader className="flex-row items-start justify-between gap-4">
        <div className="flex flex-col gap-1.5">
          <CardTitle>{container.display_name}</CardTitle>
          <CardDescription>{container.description}</CardDescription>
        </div>
        <StatusBadge status={status} />
      </CardHeader>
      <CardContent>
        <p className="text-sm text-muted-foreground">Last used: {formatTime(container.last_used)}</p>
        {error && (
          <Alert variant="destructive">
            <AlertDescription className="col-start-1 text-destructive" data-testid="card-error">
              {error}
            </AlertDescription>
          </Alert>
        )}
      </CardContent>
      <CardFooter>
        {container.status === "running" && container.service_url && !pending ? (
          <Button asChild>
            <a href={container.service_url} target="_blank" rel="noopener noreferrer">
              <ExternalLink aria-hidden /> Open Service
            </a>
          </Button>
        ) : (
          <Button onClick={launch} disabled={pending || container.status === "creating"}>
            {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Play aria-hidden />}
            {pending ? "Starting…" : "Create & Open"}
          </Button>
        )}
      </CardFooter>
    </Card>
  );
}
