"use client";

import { Play, Square } from "lucide-react";
import { toast } from "sonner";
import { startStackAction } from "@/app/admin/engine/stacks/actions/start-stack";
import { stopStackAction } from "@/app/admin/engine/stacks/actions/stop-stack";
import { ConfirmActionDialog } from "@/components/admin/confirm-action-dialog";
import { RemoveStackDialog } from "@/components/admin/engine/stacks/remove-stack-dialog";
import { useAdminCall } from "@/components/admin/use-admin-call";
import { isLive, isStartable } from "@/lib/engine/stacks/stack-state";
import type { StackView } from "@/lib/engine/stacks/stack-view";

type Stack = Pick<StackView, "name" | "protected" | "volumes" | "services">;

/** A stack row's actions: Stop (when anything is live), Start (when anything can be started), Remove. A protected
 * stack's stop asks for its name typed (the server checks it). */
export function StackActions({ stack }: { stack: Stack }) {
  const { run, pending, error } = useAdminCall();
  const states = stack.services.flatMap((service) => service.containers.map((container) => container.state));
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        {states.some(isLive) && (
          <ConfirmActionDialog
            verb="Stop"
            title={`Stop ${stack.name}?`}
            description={`Its running, restarting and paused containers are stopped (10 s each to finish, then killed). Nothing is removed.${stack.protected ? ` ${stack.protected}` : ""}`}
            name={stack.name}
            mustType={stack.protected !== null}
            icon={<Square aria-hidden />}
            busy={pending}
            disabled={pending}
            onConfirm={({ typed }) =>
              run(
                () => stopStackAction(stack.name, typed),
                () => toast.success(`Stack ${stack.name} stopped.`),
              )
            }
          />
        )}
        {states.some(isStartable) && (
          <ConfirmActionDialog
            verb="Start"
            title={`Start ${stack.name}?`}
            description="Its stopped containers are started, oldest first, and paused ones unpaused."
            icon={<Play aria-hidden />}
            busy={pending}
            disabled={pending}
            onConfirm={() =>
              run(
                () => startStackAction(stack.name),
                () => toast.success(`Stack ${stack.name} started.`),
              )
            }
          />
        )}
        <RemoveStackDialog stack={stack} run={run} pending={pending} />
      </div>
      {error && (
        <p role="alert" className="max-w-xs text-right text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
