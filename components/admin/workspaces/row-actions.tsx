"use client";

import { Loader2, Play, RotateCw, Square } from "lucide-react";
import { ConfirmDeleteDialog } from "@/components/admin/confirm-delete-dialog";
import { Button } from "@/components/ui/button";
import { useWorkspaceControls } from "@/components/workspaces/use-workspace-controls";
import type { WorkspaceStatus } from "@/lib/workspaces/status";

/**
 * One row's Start, Stop, Restart and Delete: the same actions (and use cases) as the workspace's own page, the
 * admin acting; removing its data takes typing its name.
 */
export function RowActions({
  workspaceId,
  name,
  status,
}: {
  workspaceId: string;
  name: string;
  status: WorkspaceStatus;
}) {
  const controls = useWorkspaceControls({ kind: "workspace", workspaceId }, status);
  const { busy } = controls;
  const icon = (action: string, Icon: typeof Play) =>
    busy === action ? <Loader2 className="animate-spin" aria-hidden /> : <Icon aria-hidden />;
  const running = controls.status === "running";
  const startable =
    controls.status === "stopped" || controls.status === "error" || controls.status === "not_created";
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex justify-end gap-1">
        {startable && (
          <Button
            variant="outline"
            size="sm"
            disabled={busy !== null}
            onClick={() => controls.launch({ openTab: false })}
          >
            {icon("start", Play)} Start
          </Button>
        )}
        {running && (
          <>
            <Button variant="outline" size="sm" disabled={busy !== null} onClick={() => controls.run("stop")}>
              {icon("stop", Square)} Stop
            </Button>
            <Button
              variant="outline"
              size="sm"
              disabled={busy !== null}
              onClick={() => controls.run("restart")}
            >
              {icon("restart", RotateCw)} Restart
            </Button>
          </>
        )}
        <ConfirmDeleteDialog
          title={`Delete ${name}?`}
          goes="The container of this workspace goes."
          confirmWord={name}
          disabled={busy !== null || controls.status === "creating"}
          onConfirm={(deleteData) => controls.run("delete", !deleteData)}
        />
      </div>
      {controls.error && (
        <p className="max-w-64 text-right text-xs text-destructive" role="alert">
          {controls.error}
        </p>
      )}
    </div>
  );
}
