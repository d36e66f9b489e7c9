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
import { Label } from "@/components/ui/label";

export const KEEP_TEXT = "Its data volume is kept; you can attach it to a new workspace or remove it later.";
export const REMOVE_TEXT = "Its data is removed for good.";

/** Delete asks first, and whether to keep the data volume (kept unless the owner says otherwise). */
export function DeleteWorkspaceDialog({
  displayName,
  disabled,
  deleting,
  onConfirm,
}: {
  displayName: string;
  disabled: boolean;
  deleting: boolean;
  onConfirm: (keepData: boolean) => void;
}) {
  const [keepData, setKeepData] = useState(true);
  return (
    <AlertDialog onOpenChange={(open) => open && setKeepData(true)}>
      <DestructiveTrigger label="Delete" busy={deleting} disabled={disabled} />
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete {displayName}?</AlertDialogTitle>
          <AlertDialogDescription>
            Its container goes. {keepData ? KEEP_TEXT : REMOVE_TEXT}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <div className="flex items-center gap-2">
          <Checkbox
            id="keep-data"
            checked={keepData}
            onCheckedChange={(checked) => setKeepData(checked === true)}
          />
          <Label htmlFor="keep-data">Keep its data</Label>
        </div>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction variant="destructive" onClick={() => onConfirm(keepData)}>
            Delete
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
