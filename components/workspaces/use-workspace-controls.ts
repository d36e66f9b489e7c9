"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteWorkspaceAction } from "@/app/(dashboard)/actions/delete-workspace";
import { launchSlotAction } from "@/app/(dashboard)/actions/launch-slot";
import { launchWorkspaceAction } from "@/app/(dashboard)/actions/launch-workspace";
import { restartWorkspaceAction } from "@/app/(dashboard)/actions/restart-workspace";
import { stopWorkspaceAction } from "@/app/(dashboard)/actions/stop-workspace";
import { openBlankTab, pointTab } from "@/components/workspaces/new-tab";
import { reach } from "@/components/workspaces/reach";
import { useLaunchProgress } from "@/components/workspaces/use-launch-progress";
import type { WorkspaceStatus } from "@/lib/workspaces/status";

/** What the buttons act on: a dev/prod slot (its workspace may not exist yet) or a workspace. */
export type ControlTarget =
  | { kind: "slot"; type: string; workspaceId: string | null }
  | { kind: "workspace"; workspaceId: string };

export type Busy = "launch" | "start" | "stop" | "restart" | "delete";

export function progressUrl(target: ControlTarget): string {
  return target.kind === "slot"
    ? `/api/container/launch/${encodeURIComponent(target.type)}/progress`
    : `/api/workspaces/${encodeURIComponent(target.workspaceId)}/progress`;
}

function launchOf(target: ControlTarget) {
  return target.kind === "slot" ? launchSlotAction(target.type) : launchWorkspaceAction(target.workspaceId);
}

/**
 * The state behind a workspace's buttons: one action at a time, its error, and launch progress.
 * `onDeleted` runs after a delete (the workspace page leaves; a card just refreshes).
 */
export function useWorkspaceControls(
  target: ControlTarget,
  status: WorkspaceStatus,
  { onDeleted }: { onDeleted?: () => void } = {},
) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const launching = pending && (busy === "launch" || busy === "start");
  const { progress, clear } = useLaunchProgress(progressUrl(target), {
    launching,
    creating: status === "creating",
    onSettled: () => router.refresh(),
  });

  /** Create & Open / Open (a new tab for the service) or Start (no tab): both bring the workspace up. */
  function launch({ openTab }: { openTab: boolean }) {
    setError(null);
    setBusy(openTab ? "launch" : "start");
    const tab = openTab ? openBlankTab() : null;
    startTransition(async () => {
      const result = await reach(() => launchOf(target));
      if (!result.ok) {
        tab?.close();
        setError(result.error.message);
      } else {
        pointTab(tab, result.data.service_url);
      }
      router.refresh();
    });
  }

  function run(action: "stop" | "restart" | "delete", keepData = true) {
    const id = target.workspaceId;
    if (!id) return;
    setError(null);
    clear();
    setBusy(action);
    startTransition(async () => {
      const result = await reach<unknown>(() =>
        action === "stop"
          ? stopWorkspaceAction(id)
          : action === "restart"
            ? restartWorkspaceAction(id)
            : deleteWorkspaceAction(id, keepData),
      );
      if (!result.ok) setError(result.error.message);
      else if (action === "delete" && onDeleted) return onDeleted();
      // Refresh after a failure too: the workspace may have changed under us (e.g. stopped elsewhere).
      router.refresh();
    });
  }

  const shown: WorkspaceStatus = launching ? "creating" : status;
  return { status: shown, busy: pending ? busy : null, error, progress, launch, run };
}

export type WorkspaceControlsState = ReturnType<typeof useWorkspaceControls>;
