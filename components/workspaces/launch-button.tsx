"use client";

import { ExternalLink, Loader2, Play } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { WorkspaceStatus } from "@/lib/workspaces/status";

/** "Open Service" once the workspace runs; otherwise its launch label, which brings it up first. */
export function LaunchButton({
  status,
  serviceUrl,
  label,
  launching,
  disabled,
  onLaunch,
}: {
  status: WorkspaceStatus;
  serviceUrl: string | null;
  label: string;
  launching: boolean;
  disabled: boolean;
  onLaunch: () => void;
}) {
  if (status === "running" && serviceUrl && !launching) {
    return (
      <Button asChild size="sm">
        <a href={serviceUrl} target="_blank" rel="noopener noreferrer">
          <ExternalLink aria-hidden /> Open Service
        </a>
      </Button>
    );
  }
  return (
    <Button size="sm" onClick={onLaunch} disabled={disabled || status === "creating"}>
      {launching ? <Loader2 className="animate-spin" aria-hidden /> : <Play aria-hidden />}
      {launching ? "Starting…" : label}
    </Button>
  );
}
