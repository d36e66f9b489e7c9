"use client";

import { Loader2, Trash2 } from "lucide-react";
import { AlertDialogTrigger } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";

/** The button that opens a delete or remove confirmation: outlined, red text, a spinner while the work runs. */
export function DestructiveTrigger({
  label,
  busy = false,
  disabled,
  title,
  testId,
}: {
  label: string;
  busy?: boolean;
  disabled: boolean;
  /** Why it is disabled, on hover. */
  title?: string;
  testId?: string;
}) {
  return (
    <AlertDialogTrigger asChild>
      <Button
        variant="outline"
        size="sm"
        disabled={disabled}
        title={title}
        data-testid={testId}
        className="text-destructive hover:text-destructive"
      >
        {busy ? <Loader2 className="animate-spin" aria-hidden /> : <Trash2 aria-hidden />}
        {label}
      </Button>
    </AlertDialogTrigger>
  );
}
