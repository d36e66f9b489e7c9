"use client";

import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import {
  removeContainerAction,
  restartContainerAction,
  startContainerAction,
  stopContainerAction,
} from "@/app/admin/engine/containers/actions";
import { ContainerActionDialog } from "@/components/admin/engine/containers/container-action-dialog";
import { useAdminCall } from "@/components/admin/use-admin-call";
import type { ContainerRowView } from "@/lib/engine/containers/container-view";

type Target = Pick<ContainerRowView, "id" | "name" | "state" | "protected" | "workspace">;

const LIVE = new Set(["running", "paused", "restarting"]);

/** Start, stop, restart and remove, each confirmed; the platform's own ask for the name (start never does). */
export function ContainerActions({ container, afterRemove }: { container: Target; afterRemove?: string }) {
  const { pending, error, run } = useAdminCall();
  const router = useRouter();
  const live = LIVE.has(container.state);
  const guarded = container.protected !== null;
  const whose = container.workspace
    ? ` It runs ${container.workspace.owner_email}'s workspace "${container.workspace.name}": the app sees it as stopped.`
    : "";
  const warning = container.protected ? ` ${container.protected.message}` : "";
  return (
    <div className="flex flex-col items-end gap-1" data-testid="container-actions">
      <div className="flex flex-wrap justify-end gap-1">
        {pending && <Loader2 className="size-4 animate-spin self-center" aria-label="Working" />}
        {!live && (
          <ContainerActionDialog
            verb="Start"
            title={`Start ${container.name}?`}
            description="The engine starts it with the settings it was made with."
            name={container.name}
            mustType={false}
            disabled={pending}
            onConfirm={() => run(() => startContainerAction(container.id))}
          />
        )}
        {live && (
          <ContainerActionDialog
            verb="Stop"
            title={`Stop ${container.name}?`}
            description={`It gets 10 seconds to end, then it is killed.${whose}${warning}`}
            name={container.name}
            mustType={guarded}
            disabled={pending}
            onConfirm={(typed) => run(() => stopContainerAction(container.id, typed))}
          />
        )}
        {live && (
          <ContainerActionDialog
            verb="Restart"
            title={`Restart ${container.name}?`}
            description={`It is stopped (10 seconds, then killed) and started again.${warning}`}
            name={container.name}
            mustType={guarded}
            disabled={pending}
            onConfirm={(typed) => run(() => restartContainerAction(container.id, typed))}
          />
        )}
        <ContainerActionDialog
          verb="Remove"
          title={`Remove ${container.name}?`}
          description={`The container goes from the engine; its volumes stay.${whose}${warning}`}
          name={container.name}
          mustType={guarded}
          destructive
          forceLabel={live ? "It is running: kill it first (force)" : undefined}
          disabled={pending}
          onConfirm={(typed, force) =>
            run(
              () => removeContainerAction(container.id, force, typed),
              () => afterRemove && router.push(afterRemove),
            )
          }
        />
      </div>
      {error && (
        <p role="alert" className="max-w-xs text-right text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
