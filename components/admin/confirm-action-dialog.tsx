"use client";

import { Loader2 } from "lucide-react";
import { useId, useState } from "react";
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
import { DestructiveTrigger } from "@/components/ui/destructive-trigger";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { confirmsName } from "@/lib/engine/confirm-name";

type ByChecked<T> = T | ((checked: boolean) => T);
const byChecked = <T,>(value: ByChecked<T>, checked: boolean): T =>
  typeof value === "function" ? (value as (checked: boolean) => T)(checked) : value;

/**
 * One verb behind a confirmation (stop, start, remove, prune). `option` adds a checkbox (force, volumes too, all
 * unused); `mustType` asks for `name` typed again, as the server does (for a protected object, or once the option
 * deletes data). A destructive verb gets the red trigger and button.
 */
export function ConfirmActionDialog({
  verb,
  title,
  description,
  name = "",
  mustType = false,
  typeReason,
  option,
  icon,
  destructive = false,
  busy = false,
  disabled = false,
  disabledReason,
  testId,
  triggerTestId,
  onConfirm,
}: {
  verb: string;
  title: string;
  description: ByChecked<React.ReactNode>;
  /** What must be typed when `mustType` says so. */
  name?: string;
  mustType?: ByChecked<boolean>;
  /** Said before "Type … to confirm" ("This is part of the platform itself."). */
  typeReason?: string;
  option?: { label: React.ReactNode; hint?: string };
  /** The trigger's icon (a destructive trigger has its own). */
  icon?: React.ReactNode;
  destructive?: boolean;
  busy?: boolean;
  disabled?: boolean;
  disabledReason?: string;
  testId?: string;
  triggerTestId?: string;
  onConfirm: (answer: { typed: string; checked: boolean }) => void;
}) {
  const id = useId();
  const [typed, setTyped] = useState("");
  const [checked, setChecked] = useState(false);
  const typing = byChecked(mustType, checked);
  const hoverTitle = disabled ? disabledReason : undefined;
  return (
    <AlertDialog
      onOpenChange={(open) => {
        if (!open) return;
        setTyped("");
        setChecked(false);
      }}
    >
      {destructive ? (
        <DestructiveTrigger
          label={verb}
          busy={busy}
          disabled={disabled}
          title={hoverTitle}
          testId={triggerTestId}
        />
      ) : (
        <AlertDialogTrigger asChild>
          <Button
            variant="outline"
            size="sm"
            disabled={disabled}
            title={hoverTitle}
            data-testid={triggerTestId}
          >
            {busy ? <Loader2 className="animate-spin" aria-hidden /> : icon}
            {verb}
          </Button>
        </AlertDialogTrigger>
      )}
      <AlertDialogContent data-testid={testId}>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{byChecked(description, checked)}</AlertDialogDescription>
        </AlertDialogHeader>
        {option && (
          <div className="flex flex-col gap-1">
            <div className="flex items-center gap-2">
              <Checkbox
                id={`${id}-option`}
                checked={checked}
                onCheckedChange={(value) => setChecked(value === true)}
              />
              <Label htmlFor={`${id}-option`}>{option.label}</Label>
            </div>
            {option.hint && <p className="text-xs text-muted-foreground">{option.hint}</p>}
          </div>
        )}
        {typing && (
          <div className="flex flex-col gap-2">
            <Label htmlFor={`${id}-confirm`}>
              {typeReason && `${typeReason} `}Type <span className="font-mono font-semibold">{name}</span> to
              confirm
            </Label>
            <Input
              id={`${id}-confirm`}
              autoComplete="off"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          </div>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction
            variant={destructive ? "destructive" : "default"}
            disabled={typing && !confirmsName(typed, name)}
            onClick={() => onConfirm({ typed: typed.trim(), checked })}
          >
            {verb}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
