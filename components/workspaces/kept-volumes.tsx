"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { removeKeptVolumeAction } from "@/app/(dashboard)/actions/remove-kept-volume";
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
import { formatTime } from "@/components/workspaces/format";
import { reach } from "@/components/workspaces/reach";
import type { KeptVolumeView } from "@/lib/workspaces/kept-volumes";

function KeptVolumeRow({ volume }: { volume: KeptVolumeView }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function remove() {
    setError(null);
    startTransition(async () => {
      const result = await reach(() => removeKeptVolumeAction(volume.id));
      if (!result.ok) setError(result.error.message);
      router.refresh();
    });
  }
  return (
    <li className="flex flex-col gap-1 py-3" data-testid="kept-volume" data-volume={volume.name}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-0.5 text-sm">
          <code className="font-mono text-xs break-all">{volume.name}</code>
          <span className="text-muted-foreground">
            From {volume.workspace_name} ({volume.template}), kept {formatTime(volume.kept_at)}
          </span>
        </div>
        <AlertDialog>
          <DestructiveTrigger label="Remove" busy={pending} disabled={pending} />
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Remove the kept data of {volume.workspace_name}?</AlertDialogTitle>
              <AlertDialogDescription>Its data is removed for good.</AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>Cancel</AlertDialogCancel>
              <AlertDialogAction variant="destructive" onClick={remove}>
                Remove
              </AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </div>
      {error && (
        <p className="text-sm text-destructive" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** Data volumes of deleted workspaces: attach one to a new workspace, or remove it. */
export function KeptVolumes({ volumes }: { volumes: KeptVolumeView[] }) {
  return (
    <ul className="divide-y" data-testid="kept-volumes">
      {volumes.map((volume) => (
        <KeptVolumeRow key={volume.id} volume={volume} />
      ))}
    </ul>
  );
}
