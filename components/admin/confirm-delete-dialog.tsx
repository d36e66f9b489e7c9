"use client";

import { useState } from "react";
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

/**
 * The admin area's delete: asks first; data is kept for its owners unless the admin says otherwise, and removing it
 * takes typing `confirmWord` (a bulk action's number of workspaces, a workspace's name, an account's address; the
 * server checks it again).
 */
export function ConfirmDeleteDialog({
  title,
  goes,
  kept = "Their data volumes are kept: each owner can attach theirs to a new workspace or remove it.",
  removed = "Their data is removed for good.",
  dataLabel = "Also delete their data",
  actionLabel = "Delete",
  confirmWord,
  disabled,
  onConfirm,
}: {
  title: string;
  /** What goes in any case: "The containers of these 12 workspaces go." */
  goes: string;
  /** What happens to the data without (kept) and with (removed) the box ticked. */
  kept?: string;
  removed?: string;
  dataLabel?: string;
  actionLabel?: string;
  confirmWord: string;
  disabled: boolean;
  onConfirm: (deleteData: boolean, typed: string) => void;
}) {
  const [deleteData, setDeleteData] = useState(false);
  const [typed, setTyped] = useState("");
  const reset = () => {
    setDeleteData(false);
    setTyped("");
  };
  const confirmed = !deleteData || typed.trim().toLowerCase() === confirmWord.toLowerCase();
  return (
    <AlertDialog onOpenChange={(open) => open && reset()}>
      <DestructiveTrigger label="Delete" disabled={disabled} />
      <AlertDialogContent data-testid="confirm-delete">
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>
            {goes} {deleteData ? removed : kept}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <div className="flex items-center gap-2">
          <Checkbox
            id="delete-data"
            checked={deleteData}
            onCheckedChange={(checked) => setDeleteData(checked === true)}
          />
          <Label htmlFor="delete-data">{dataLabel}</Label>
        </div>
        {deleteData && (
          <div className="flex flex-col gap-2">
            <Label htmlFor="delete-confirm">
              Type <span className="font-mono font-semibold">{confirmWord}</span> to confirm
            </Label>
            <Input
              id="delete-confirm"
              autoComplete="off"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          </div>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction
            variant="destructive"
            disabled={!confirmed}
            onClick={() => onConfirm(deleteData, typed.trim())}
          >
            {actionLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
