"use client";

import { useState } from "react";
import { ConfirmActionDialog } from "@/components/admin/confirm-action-dialog";
import { engineRequest } from "@/components/admin/engine/system/engine-request";
import { useAdminCall } from "@/components/admin/use-admin-call";

/**
 * A button that asks first, then makes one engine call (remove, prune). `option` adds a checkbox (force, all
 * unused); `describe` turns the answer into the line shown after (a prune's count and bytes).
 */
export function ConfirmEngineAction<T>({
  label,
  title,
  description,
  option,
  request,
  describe,
  disabled,
  disabledReason,
  testId,
}: {
  label: string;
  title: string;
  description: string;
  option?: { label: string; hint?: string };
  request: (checked: boolean) => { method: string; path: string; body?: unknown };
  describe?: (data: T) => string;
  disabled?: boolean;
  disabledReason?: string;
  testId?: string;
}) {
  const { pending, error, run } = useAdminCall();
  const [result, setResult] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmActionDialog
        verb={label}
        title={title}
        description={description}
        option={option}
        destructive
        busy={pending}
        disabled={disabled || pending}
        disabledReason={disabledReason}
        triggerTestId={testId}
        onConfirm={({ checked }) => {
          setResult(null);
          const { method, path, body } = request(checked);
          run(
            () => engineRequest<T>(method, path, body),
            (data) => setResult(describe ? describe(data) : null),
          );
        }}
      />
      {result && (
        <p role="status" className="max-w-xs text-right text-xs text-muted-foreground">
          {result}
        </p>
      )}
      {error && (
        <p role="alert" className="max-w-xs text-right text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
