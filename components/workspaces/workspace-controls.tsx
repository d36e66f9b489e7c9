"use client";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { LaunchButton } from "@/components/workspaces/launch-button";
import { LaunchProgress } from "@/components/workspaces/launch-progress";
import type { WorkspaceControlsState } from "@/components/workspaces/use-workspace-controls";
import { WorkspaceActions } from "@/components/workspaces/workspace-actions";

/** What a workspace's buttons need to know of it (a slot without a workspace has no id yet). */
export type ControlsModel = {
  displayName: string;
  serviceUrl: string | null;
  exists: boolean;
  lastError: string | null;
  launchLabel: string;
};

/** Launch progress, the last error, and the buttons of one workspace (card and workspace page). */
export function WorkspaceControls({
  model,
  controls,
}: {
  model: ControlsModel;
  controls: WorkspaceControlsState;
}) {
  const { busy, progress, status } = controls;
  const showProgress = status === "creating" || (busy === null && progress?.status === "error");
  // Our own failure first; otherwise how the last launch ended (kept on the workspace until one succeeds).
  const error = controls.error ?? (busy === null && status !== "running" ? model.lastError : null);
  return (
    <div className="flex flex-col gap-4">
      {showProgress && <LaunchProgress progress={progress} />}
      {error && (
        <Alert variant="destructive">
          <AlertDescription
            className="col-start-1 whitespace-pre-line text-destructive"
            data-testid="card-error"
          >
            {error}
          </AlertDescription>
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <LaunchButton
          status={status}
          serviceUrl={model.serviceUrl}
          label={model.launchLabel}
          launching={busy === "launch"}
          disabled={busy !== null}
          onLaunch={() => controls.launch({ openTab: true })}
        />
        <WorkspaceActions
          status={status}
          displayName={model.displayName}
          exists={model.exists}
          controls={controls}
        />
      </div>
    </div>
  );
}
