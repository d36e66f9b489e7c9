"use client";

import { Loader2, Play, RotateCw, Square } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DeleteWorkspaceDialog } from "@/components/workspaces/delete-workspace-dialog";
import type { WorkspaceControlsState } from "@/components/workspaces/use-workspace-controls";
import type { WorkspaceStatus } from "@/lib/workspaces/status";

type Offer = "start" | "stop" | "restart" | "delete";

/** Which buttons make sense for a status; a crashed workspace ("error") can be started again. */
function offered(status: WorkspaceStatus, exists: boolean): Set<Offer> {
  if (!exists) return new Set();
  if (status === "running") return new Set(["stop", "restart", "delete"]);
  if (status === "stopped" || status === "error") return new Set(["start", "delete"]);
  // Created but never started (a new workspace): it can go again before its first start.
  if (status === "not_created") return new Set(["delete"]);
  return new Set();
}

/** Start, Stop, Restart and Delete of one workspace; all wait while another action runs. */
export function WorkspaceActions({
  status,
  displayName,
  exists,
  controls,
}: {
  status: WorkspaceStatus;
  displayName: string;
  exists: boolean;
  controls: WorkspaceControlsState;
}) {
  const { busy } = controls;
  const actions = offered(status, exists);
  const spin = (action: Offer, Icon: typeof Play) =>
    busy === action ? <Loader2 className="animate-spin" aria-hidden /> : <Icon aria-hidden />;
  return (
    <>
      {actions.has("start") && (
        <Button
          variant="outline"
          size="sm"
          disabled={busy !== null}
          onClick={() => controls.launch({ openTab: false })}
        >
          {spin("start", Play)} Start
        </Button>
      )}
      {actions.has("stop") && (
        <Button variant="outline" size="sm" disabled={busy !== null} onClick={() => controls.run("stop")}>
          {spin("stop", Square)} Stop
        </Button>
      )}
      {actions.has("restart") && (
        <Button variant="outline" size="sm" disabled={busy !== null} onClick={() => controls.run("restart")}>
          {spin("restart", RotateCw)} Restart
        </Button>
      )}
      {actions.has("delete") && (
        <DeleteWorkspaceDialog
          displayName={displayName}
          disabled={busy !== null}
          deleting={busy === "delete"}
          onConfirm={(keepData) => controls.run("delete", keepData)}
        />
      )}
    </>
  );
}
