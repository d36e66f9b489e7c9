"use client";

import { Loader2, Play, RotateCw, Square } from "lucide-react";
import { DeleteContainerDialog } from "@/components/containers/delete-container-dialog";
import type { Busy, LifecycleAction } from "@/components/containers/use-container-controls";
import { Button } from "@/components/ui/button";
import type { ContainerView } from "@/lib/containers/container-view";

const BUTTONS = [
  { action: "start", label: "Start", icon: Play },
  { action: "stop", label: "Stop", icon: Square },
  { action: "restart", label: "Restart", icon: RotateCw },
] as const;

/** Which lifecycle buttons make sense for a status; a crashed container ("error") can be started again. */
function offered(status: ContainerView["status"]): Set<LifecycleAction> {
  if (status === "running") return new Set(["stop", "restart", "delete"]);
  if (status === "stopped" || status === "error") return new Set(["start", "delete"]);
  return new Set();
}

/** Start, Stop, Restart and Delete for one container; all wait while another action runs. */
export function ContainerActions({
  container,
  busy,
  onRun,
}: {
  container: ContainerView;
  busy: Busy | null;
  onRun: (action: LifecycleAction) => void;
}) {
  const actions = offered(container.status);
  return (
    <>
      {BUTTONS.filter(({ action }) => actions.has(action)).map(({ action, label, icon: Icon }) => (
        <Button
          key={action}
          variant="outline"
          size="sm"
          disabled={busy !== null}
          onClick={() => onRun(action)}
        >
          {busy === action ? <Loader2 className="animate-spin" aria-hidden /> : <Icon aria-hidden />}
          {label}
        </Button>
      ))}
      {actions.has("delete") && (
        <DeleteContainerDialog
          type={container.type}
          disabled={busy !== null}
          deleting={busy === "delete"}
          onConfirm={() => onRun("delete")}
        />
      )}
    </>
  );
}
