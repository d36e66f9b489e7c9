"use client";

import { Loader2, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { applyTemplateUpdateAction } from "@/app/(dashboard)/actions/apply-template-update";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

/** "Update available": its template has a newer version; re-created from it on confirmation, the data kept. */
export function TemplateUpdate({ workspace }: { workspace: WorkspaceView }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (!workspace.update_available) return null;
  const running = workspace.status === "running";
  return (
    <div
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950/30"
      data-testid="update-available"
    >
      <p>
        <span className="font-medium">Update available:</span> the {workspace.template.display_name} template
        has changed since this workspace's container was made.
      </p>
      <AlertDialog>
        <AlertDialogTrigger asChild>
          <Button size="sm" variant="outline" disabled={pending}>
            {pending ? <Loader2 className="animate-spin" aria-hidden /> : <RefreshCw aria-hidden />}
            Update
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Update {workspace.display_name}?</AlertDialogTitle>
            <AlertDialogDescription>
              Its container is made anew from the template's current version; its data is kept.{" "}
              {running
                ? "It restarts now and is back once its app answers."
                : "It is stopped: the update is made at its next start."}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              onClick={() =>
                startTransition(async () => {
                  const result = await applyTemplateUpdateAction(workspace.id);
                  if (!result.ok) toast.error(result.error.message);
                  else {
                    toast.success(
                      running ? `${workspace.display_name} is updated.` : "Updated at its next start.",
                    );
                    router.refresh();
                  }
                })
              }
            >
              Update
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
