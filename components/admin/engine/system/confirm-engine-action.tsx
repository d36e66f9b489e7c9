"use client";

import { Loader2 } from "lucide-react";
import { useState } from "react";
import { useEngineCall } from "@/components/admin/engine/system/use-engine-call";
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
import { Label } from "@/components/ui/label";

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
  destructive = true,
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
  destructive?: boolean;
  testId?: string;
}) {
  const { pending, error, call } = useEngineCall();
  const [checked, setChecked] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <AlertDialog onOpenChange={(open) => open && setChecked(false)}>
        <AlertDialogTrigger asChild>
          <Button
            variant="outline"
            size="sm"
            disabled={disabled || pending}
            title={disabled ? disabledReason : undefined}
            data-testid={testId}
          >
            {pending && <Loader2 className="animate-spin" aria-hidden />}
            {label}
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{title}</AlertDialogTitle>
            <AlertDialogDescription>{description}</AlertDialogDescription>
          </AlertDialogHeader>
          {option && (
            <div className="flex flex-col gap-1">
              <div className="flex items-center gap-2">
                <Checkbox
                  id="engine-option"
                  checked={checked}
                  onCheckedChange={(value) => setChecked(value === true)}
                />
                <Label htmlFor="engine-option">{option.label}</Label>
              </div>
              {option.hint && <p className="text-xs text-muted-foreground">{option.hint}</p>}
            </div>
          )}
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              variant={destructive ? "destructive" : "default"}
              onClick={() => {
                setResult(null);
                const { method, path, body } = request(checked);
                call<T>(method, path, body, (data) => setResult(describe ? describe(data) : null));
              }}
            >
              {label}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
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
