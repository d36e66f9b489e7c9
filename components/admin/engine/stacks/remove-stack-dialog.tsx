"use client";

import { useState } from "react";
import { toast } from "sonner";
import { removeStackAction } from "@/app/admin/engine/stacks/actions/remove-stack";
import type { useAdminCall } from "@/components/admin/use-admin-call";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Checkbox } from "@/components/ui/checkbox";
import { DestructiveTrigger } from "@/components/ui/destructive-trigger";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { StackView } from "@/lib/engine/stacks/stack-view";

/** Remove: containers and networks go; volumes only when ticked. Typing the name is asked for a protected stack and
 * for deleting data (the server checks it again). */
export function RemoveStackDialog({
  stack,
  run,
  pending,
}: { stack: Pick<StackView, "name" | "protected" | "volumes"> } & Pick<
  ReturnType<typeof useAdminCall>,
  "run" | "pending"
>) {
  const [volumes, setVolumes] = useState(false);
  const [typed, setTyped] = useState("");
  // The server asks the same: volumes=true deletes data (the containers' anonymous volumes too).
  const mustType = stack.protected !== null || volumes;
  const id = `remove-volumes-${stack.name}`;
  return (
    <AlertDialog
      onOpenChange={(open) => {
        if (!open) return;
        setVolumes(false);
        setTyped("");
      }}
    >
      <DestructiveTrigger label="Remove" busy={pending} disabled={pending} />
      <AlertDialogContent data-testid="remove-stack">
        <AlertDialogHeader>
          <AlertDialogTitle>Remove {stack.name}?</AlertDialogTitle>
          <AlertDialogDescription>
            Its containers are removed (running ones too) and its networks.{" "}
            {volumes
              ? "Its volumes and the data in them are deleted for good."
              : stack.volumes.length > 0
                ? `Its ${stack.volumes.length === 1 ? "volume is" : `${stack.volumes.length} volumes are`} kept with their data.`
                : ""}
            {stack.protected && ` ${stack.protected}`}
          </AlertDialogDescription>
        </AlertDialogHeader>
        {stack.volumes.length > 0 && (
          <div className="flex items-center gap-2">
            <Checkbox id={id} checked={volumes} onCheckedChange={(checked) => setVolumes(checked === true)} />
            <Label htmlFor={id}>
              Also remove its volumes ({stack.volumes.map((volume) => volume.name).join(", ")})
            </Label>
          </div>
        )}
        {mustType && (
          <div className="flex flex-col gap-2">
            <Label htmlFor={`${id}-confirm`}>
              Type <span className="font-mono font-semibold">{stack.name}</span> to confirm
            </Label>
            <Input
              id={`${id}-confirm`}
              autoComplete="off"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          </div>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction
            className="bg-destructive text-white hover:bg-destructive/90"
            disabled={mustType && typed.trim() !== stack.name}
            onClick={() =>
              run(
                () => removeStackAction(stack.name, { volumes, confirm: typed.trim() }),
                (removed) =>
                  toast.success(
                    `Stack ${removed.name} removed${removed.kept_volumes.length > 0 ? `; ${removed.kept_volumes.length} volumes kept` : ""}.`,
                  ),
              )
            }
          >
            Remove
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
