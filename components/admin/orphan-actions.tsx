"use client";

import { Gift } from "lucide-react";
import { useState } from "react";
import { giveOrphanVolumeAction } from "@/app/admin/actions/give-orphan-volume";
import { removeOrphanVolumeAction } from "@/app/admin/actions/remove-orphan-volume";
import { removeOrphanWorkloadAction } from "@/app/admin/actions/remove-orphan-workload";
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
import { Button } from "@/components/ui/button";
import { DestructiveTrigger } from "@/components/ui/destructive-trigger";
import { Input } from "@/components/ui/input";
import type { OrphanVolume, OrphanWorkload } from "@/lib/admin/list-orphans";

function RemoveButton({
  title,
  text,
  pending,
  onRemove,
  typeToConfirm,
}: {
  title: string;
  text: string;
  pending: boolean;
  onRemove: (typed: string) => void;
  /** When set, Remove stays off until this is typed (removing data for good). */
  typeToConfirm?: string;
}) {
  const [typed, setTyped] = useState("");
  return (
    <AlertDialog>
      <DestructiveTrigger label="Remove" busy={pending} disabled={pending} />
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{text}</AlertDialogDescription>
        </AlertDialogHeader>
        {typeToConfirm && (
          <Input
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            placeholder={typeToConfirm}
            aria-label={`Type ${typeToConfirm} to confirm`}
          />
        )}
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction
            disabled={!!typeToConfirm && typed.trim() !== typeToConfirm}
            onClick={() => onRemove(typed)}
          >
            Remove
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

const ErrorText = ({ error }: { error: string | null }) =>
  error ? (
    <p role="alert" className="text-xs text-destructive">
      {error}
    </p>
  ) : null;

export function OrphanWorkloadActions({ workload }: { workload: OrphanWorkload }) {
  const { pending, error, run } = useAdminCall();
  return (
    <div className="flex flex-col items-end gap-1">
      <RemoveButton
        title={`Remove ${workload.name}?`}
        text="The container goes now; its data volume stays, listed below as an orphaned volume."
        pending={pending}
        onRemove={() => run(() => removeOrphanWorkloadAction(workload.id))}
      />
      <ErrorText error={error} />
    </div>
  );
}

/** Give to a user (named by address) or remove, data and all. */
export function OrphanVolumeActions({ volume }: { volume: OrphanVolume }) {
  const { pending, error, run } = useAdminCall();
  const [email, setEmail] = useState("");
  return (
    <div className="flex flex-col gap-1">
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          run(
            () => giveOrphanVolumeAction(volume.name, { email: email.trim() }),
            () => setEmail(""),
          );
        }}
      >
        <Input
          type="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          placeholder="Recipient's email"
          aria-label={`Give ${volume.name} to`}
          className="h-8 max-w-xs"
        />
        <Button type="submit" variant="outline" size="sm" disabled={pending}>
          <Gift aria-hidden /> Give
        </Button>
        <RemoveButton
          title={`Remove ${volume.name}?`}
          text="Its data is removed from the engine for good. Type the volume's name to confirm."
          pending={pending}
          typeToConfirm={volume.name}
          onRemove={(typed) => run(() => removeOrphanVolumeAction(volume.name, typed))}
        />
      </form>
      <ErrorText error={error} />
    </div>
  );
}
