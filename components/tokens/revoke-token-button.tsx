"use client";

import { useAdminCall } from "@/components/admin/use-admin-call";
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
import { DestructiveTrigger } from "@/components/ui/destructive-trigger";
import type { Outcome } from "@/components/workspaces/reach";
import type { TokenView } from "@/lib/tokens/token-view";

/** Revoke, after a confirmation; `revoke` is the page's server action (the owner's, or the admin's for anyone's). */
export function RevokeTokenButton({
  token,
  revoke,
}: {
  token: TokenView;
  revoke: (id: string) => Promise<Outcome<TokenView>>;
}) {
  // One action at a time from a row, its error kept, the page refreshed: not admin-specific despite its name.
  const { pending, error, run } = useAdminCall();
  const whose = token.owner ? ` of ${token.owner.email}` : "";
  return (
    <div className="flex flex-col items-end gap-1">
      <AlertDialog>
        <DestructiveTrigger label="Revoke" busy={pending} disabled={pending} />
        <AlertDialogContent data-testid="confirm-revoke">
          <AlertDialogHeader>
            <AlertDialogTitle>
              Revoke {token.name}
              {whose}?
            </AlertDialogTitle>
            <AlertDialogDescription>
              Whatever uses it is refused from now on (401). This can't be undone; make a new token if you
              need one.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction variant="destructive" onClick={() => run(() => revoke(token.id))}>
              Revoke
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      {error && (
        <p role="alert" className="text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
