"use client";

import { Loader2, ShieldCheck, ShieldOff, UserCheck, UserX } from "lucide-react";
import { changeUserRoleAction } from "@/app/admin/actions/change-user-role";
import { deleteUserAction } from "@/app/admin/actions/delete-user";
import { disableUserAction } from "@/app/admin/actions/disable-user";
import { enableUserAction } from "@/app/admin/actions/enable-user";
import { ConfirmDeleteDialog } from "@/components/admin/confirm-delete-dialog";
import { useAdminCall } from "@/components/admin/use-admin-call";
import { UserQuotaDialog } from "@/components/admin/user-quota-dialog";
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
import type { UserView } from "@/lib/admin/user-view";

/** A user row's actions: role, quotas, disable or enable, delete. Your own account can't be disabled or deleted here. */
export function UserRowActions({ user, self }: { user: UserView; self: boolean }) {
  const { pending, error, run } = useAdminCall();
  const admin = user.role === "ADMIN";
  const running = user.workspaces.running ?? 0;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        <Button
          variant="outline"
          size="sm"
          disabled={pending}
          onClick={() => run(() => changeUserRoleAction(user.id, admin ? "USER" : "ADMIN"))}
        >
          {pending ? (
            <Loader2 className="animate-spin" aria-hidden />
          ) : admin ? (
            <ShieldOff aria-hidden />
          ) : (
            <ShieldCheck aria-hidden />
          )}
          {admin ? "Make user" : "Make admin"}
        </Button>
        <UserQuotaDialog user={user} disabled={pending} />
        {user.status === "disabled" ? (
          <Button
            variant="outline"
            size="sm"
            disabled={pending}
            onClick={() => run(() => enableUserAction(user.id))}
          >
            <UserCheck aria-hidden /> Enable
          </Button>
        ) : (
          !self && (
            <AlertDialog>
              <AlertDialogTrigger asChild>
                <Button variant="outline" size="sm" disabled={pending}>
                  <UserX aria-hidden /> Disable
                </Button>
              </AlertDialogTrigger>
              <AlertDialogContent>
                <AlertDialogHeader>
                  <AlertDialogTitle>Disable {user.email}?</AlertDialogTitle>
                  <AlertDialogDescription>
                    They are signed out everywhere at once and can't sign in until you enable the account
                    again.
                    {running > 0
                      ? ` Their ${running} running ${running === 1 ? "workspace stops" : "workspaces stop"}.`
                      : ""}
                  </AlertDialogDescription>
                </AlertDialogHeader>
                <AlertDialogFooter>
                  <AlertDialogCancel>Cancel</AlertDialogCancel>
                  <AlertDialogAction onClick={() => run(() => disableUserAction(user.id))}>
                    Disable
                  </AlertDialogAction>
                </AlertDialogFooter>
              </AlertDialogContent>
            </AlertDialog>
          )
        )}
        {!self && (
          <ConfirmDeleteDialog
            title={`Delete ${user.email}?`}
            goes={`The account, its ${user.workspaces.total} ${user.workspaces.total === 1 ? "workspace" : "workspaces"} and their containers go.`}
            kept="Their data volumes stay on the engine, listed under Orphans (to give to someone or remove)."
            removed="Their data volumes are removed for good."
            dataLabel="Also remove their data volumes"
            actionLabel="Delete account"
            confirmWord={user.email}
            disabled={pending}
            onConfirm={(deleteVolumes, typed) =>
              run(() => deleteUserAction(user.id, { delete_volumes: deleteVolumes, confirm: typed }))
            }
          />
        )}
      </div>
      {error && (
        <p role="alert" className="max-w-xs text-right text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
