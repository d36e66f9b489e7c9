"use client";

import { ContainerActions } from "@/components/containers/container-actions";
import { LaunchButton } from "@/components/containers/launch-button";
import { LaunchProgress } from "@/components/containers/launch-progress";
import type { ContainerControlsState } from "@/components/containers/use-container-controls";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { ContainerView } from "@/lib/containers/container-view";

/** Launch progress, the last error, and the buttons of one container (card and container page). */
export function ContainerControls({
  container,
  controls,
}: {
  container: ContainerView;
  controls: ContainerControlsState;
}) {
  const { busy, error, progress } = controls;
  const showProgress = controls.status === "creating" || (busy === null && progress?.status === "error");
  return (
    <div className="flex flex-col gap-4">
      {showProgress && <LaunchProgress progress={progress} />}
      {error && (
        <Alert variant="destructive">
          <AlertDescription className="col-start-1 text-destructive" data-testid="card-error">
            {error}
          </AlertDescription>
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <LaunchButton
          container={container}
          launching={busy === "launch"}
          disabled={busy !== null}
          onLaunch={controls.launch}
        />
        <ContainerActions container={container} busy={busy} onRun={controls.run} />
      </div>
    </div>
  );
}
