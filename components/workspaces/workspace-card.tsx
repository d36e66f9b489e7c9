"use client";

import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatTime } from "@/components/workspaces/format";
import { StatusBadge } from "@/components/workspaces/status-badge";
import { type ControlTarget, useWorkspaceControls } from "@/components/workspaces/use-workspace-controls";
import { type ControlsModel, WorkspaceControls } from "@/components/workspaces/workspace-controls";
import type { WorkspaceStatus } from "@/lib/workspaces/status";

export type CardProps = {
  testId: string;
  target: ControlTarget;
  status: WorkspaceStatus;
  description: string;
  lastUsed: string | null;
  /** Only once the workspace exists: a slot that was never launched has no page yet. */
  detailsHref: string | null;
  /** A line such as "Stopped by you on …" or "Changes waiting …". */
  note: string | null;
  /** Its template has a newer version (re-created from its page). */
  updateAvailable?: boolean;
  model: ControlsModel;
};

// A client component: its badge shows "Starting" as soon as the launch is clicked.
export function WorkspaceCard({
  testId,
  target,
  status,
  description,
  lastUsed,
  detailsHref,
  note,
  updateAvailable = false,
  model,
}: CardProps) {
  const controls = useWorkspaceControls(target, status);
  return (
    <Card data-testid={testId}>
      <CardHeader className="flex-row items-start justify-between gap-4">
        <div className="flex min-w-0 flex-col gap-1.5">
          <CardTitle className="break-words">{model.displayName}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1.5">
          <StatusBadge status={controls.status} />
          {updateAvailable && (
            <Badge variant="warning" data-testid="card-update-available">
              Update available
            </Badge>
          )}
        </div>
      </CardHeader>
      <CardContent className="mt-auto">
        <div className="flex items-center justify-between gap-4 text-sm">
          <p className="text-muted-foreground">Last used: {formatTime(lastUsed)}</p>
          {detailsHref && (
            <Link
              href={detailsHref}
              className="inline-flex shrink-0 items-center gap-0.5 font-medium underline-offset-4 hover:underline"
            >
              Details <ChevronRight className="size-4" aria-hidden />
            </Link>
          )}
        </div>
        {note && (
          <p className="text-sm text-muted-foreground" data-testid="card-note">
            {note}
          </p>
        )}
        <WorkspaceControls model={model} controls={controls} />
      </CardContent>
    </Card>
  );
}
