"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { deleteUserAction } from "@/app/admin/actions/delete-user";
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
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { UserView } from "@/lib/admin/user-view";

/** Deleting asks first; removing their data volumes too takes their address typed out. */
export function DeleteUserDialog({
  user,
  disabled,
  onConfirm,
}: {
  user: UserView;
  disabled: boolean;
  onConfirm: ReturnType<typeof useAdminCall>["run"];
}) {
  const [deleteVolumes, setDeleteVolumes] = useState(false);
  const [confirm, setConfirm] = useState("");
  const confirmed = !deleteVolumes || confirm.trim().toLowerCase() === user.email;
  return (
    <AlertDialog
      onOpenChange={(open) => {
        if (!open) return;
        setDeleteVolumes(false);
        setConfirm("");
      }}
    >
      <AlertDialogTrigger asChild>
        <Button
          variant="outline"
          size="sm"
          disabled={disabled}
          className="text-destructive hover:text-destructive"
        >
          <Trash2 aria-hidden /> Delete
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete {user.email}?</AlertDialogTitle>
          <AlertDialogDescription>
            The account, its {user.workspaces.total}{" "}
            {user.workspaces.total === 1 ? "workspace" : "workspaces"} and their containers go.{" "}
            {deleteVolumes
              ? "Their data volumes are removed for good."
              : "Their data volumes stay on the engine, listed under Orphans (to give to someone or remove)."}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <div className="flex items-center gap-2">
          <Checkbox
            id={`delete-volumes-${user.id}`}
            checked={deleteVolumes}
            onCheckedChange={(checked) => setDeleteVolumes(checked === true)}
          />
          <Label htmlFor={`delete-volumes-${user.id}`}>Also remove their data volumes</Label>
        </div>
        {deleteVolumes && (
          <div className="flex flex-col gap-2">
            <Label htmlFor={`confirm-${user.id}`}>Type {user.email} to confirm</Label>
            <Input
              id={`confirm-${user.id}`}
              value={confirm}
              autoComplete="off"
              onChange={(event) => setConfirm(event.target.value)}
            />
          </div>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction
            disabled={!confirmed}
            className="bg-destructive text-white hover:bg-destructive/90"
            onClick={() =>
              onConfirm(() => deleteUserAction(user.id, { delete_volumes: deleteVolumes, confirm }))
            }
          >
            Delete account
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
