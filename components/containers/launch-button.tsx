"use client";

import { ExternalLink, Loader2, Play } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ContainerView } from "@/lib/containers/container-view";

/** "Open Service" once the container runs; otherwise "Create & Open", which creates or starts it first. */
export function LaunchButton({
  container,
  launching,
  disabled,
  onLaunch,
}: {
  container: ContainerView;
  launching: boolean;
  disabled: boolean;
  onLaunch: () => void;
}) {
  if (container.status === "running" && container.service_url && !launching) {
    return (
      <Button asChild size="sm">
        <a href={container.service_url} target="_blank" rel="noopener noreferrer">
          <ExternalLink aria-hidden /> Open Service
        </a>
      </Button>
    );
  }
  return (
    <Button size="sm" onClick={onLaunch} disabled={disabled || container.status === "creating"}>
      {launching ? <Loader2 className="animate-spin" aria-hidden /> : <Play aria-hidden />}
      {launching ? "Starting…" : "Create & Open"}
    </Button>
  );
}
