"use client";

import { Loader2, Trash2 } from "lucide-react";
import { AlertDialogTrigger } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";

/** The button that opens a delete or remove confirmation: outlined, red text, a spinner while the work runs. */
export function DestructiveTrigger({
  label,
  busy = false,
  disabled,
}: {
  label: string;
  busy?: boolean;
  disabled: boolean;
}) {
  return (
    <AlertDialogTrigger asChild>
      <Button
        variant="outline"
        size="sm"
        disabled={disabled}
        className="text-destructive hover:text-destructive"
      >
        {busy ? <Loader2 className="animate-spin" aria-hidden /> : <Trash2 aria-hidden />}
        {label}
      </Button>
    </AlertDialogTrigger>
  );
}
