"use client";

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
import type { Takes } from "@/components/workspaces/form-state";

const VERB: Record<Exclude<Takes, "none">, string> = { restart: "restarts", recreate: "re-creates" };

/** Asked before a save that restarts or re-creates a running workspace: now, or at its next start. */
export function ApplyChangeDialog({
  takes,
  onSave,
  onCancel,
}: {
  takes: Takes | null;
  onSave: (applyNow: boolean) => void;
  onCancel: () => void;
}) {
  return (
    <AlertDialog open={takes !== null && takes !== "none"} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Apply the change now?</AlertDialogTitle>
          <AlertDialogDescription>
            Saving {takes && takes !== "none" ? VERB[takes] : "restarts"} your running workspace. Its data is
            kept.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction variant="outline" onClick={() => onSave(false)}>
            Save, apply at next start
          </AlertDialogAction>
          <AlertDialogAction onClick={() => onSave(true)}>Save and apply now</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
