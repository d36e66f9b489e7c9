"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { type Outcome, reach } from "@/components/workspaces/reach";

/**
 * A form in a dialog that saves through one server action: opening starts it afresh (`onOpen` resets its values),
 * a save's field errors go to their fields and any other error above them, a saved one closes it and refreshes the
 * page. It can't be closed while a save is under way.
 */
export function useFormDialog(onOpen: () => void) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onOpenChange(next: boolean) {
    if (pending) return;
    if (next) {
      onOpen();
      setErrors({});
      setMessage(null);
    }
    setOpen(next);
  }

  /** `onFailed` sees the whole error too (a deploy shows the Compose tool's output from its details). */
  function save<T>(
    call: () => Promise<Outcome<T>>,
    onSaved: (data: T) => void,
    onFailed?: (error: Extract<Outcome<T>, { ok: false }>["error"]) => void,
  ) {
    startTransition(async () => {
      const result = await reach(call);
      if (!result.ok) {
        setErrors(result.error.fields ?? {});
        setMessage(result.error.fields ? null : result.error.message);
        onFailed?.(result.error);
        return;
      }
      onSaved(result.data);
      setOpen(false);
      router.refresh();
    });
  }

  return { open, onOpenChange, errors, message, pending, save };
}
