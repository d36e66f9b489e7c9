"use client";

import { toast } from "sonner";
import { removeStackAction } from "@/app/admin/engine/stacks/actions/remove-stack";
import { ConfirmActionDialog } from "@/components/admin/confirm-action-dialog";
import type { useAdminCall } from "@/components/admin/use-admin-call";
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
  const count = stack.volumes.length;
  return (
    <ConfirmActionDialog
      verb="Remove"
      title={`Remove ${stack.name}?`}
      description={(volumes) =>
        `Its containers are removed (running ones too) and its networks. ${
          volumes
            ? "Its volumes and the data in them are deleted for good."
            : count > 0
              ? `Its ${count === 1 ? "volume is" : `${count} volumes are`} kept with their data.`
              : ""
        }${stack.protected ? ` ${stack.protected}` : ""}`
      }
      name={stack.name}
      // The server asks the same: volumes=true deletes data (the containers' anonymous volumes too).
      mustType={(volumes) => stack.protected !== null || volumes}
      option={
        count > 0
          ? { label: `Also remove its volumes (${stack.volumes.map((volume) => volume.name).join(", ")})` }
          : undefined
      }
      destructive
      busy={pending}
      disabled={pending}
      testId="remove-stack"
      onConfirm={({ typed, checked }) =>
        run(
          () => removeStackAction(stack.name, { volumes: checked, confirm: typed }),
          (removed) =>
            toast.success(
              `Stack ${removed.name} removed${removed.kept_volumes.length > 0 ? `; ${removed.kept_volumes.length} volumes kept` : ""}.`,
            ),
        )
      }
    />
  );
}
