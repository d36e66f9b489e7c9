"use client";

import { useState } from "react";
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

/**
 * One container verb behind a confirmation. A protected container (the app, Traefik) asks for its name typed, as the
 * server does; `forceLabel` adds a "force" box (remove a running container).
 */
export function ContainerActionDialog({
  verb,
  title,
  description,
  name,
  mustType,
  destructive = false,
  forceLabel,
  disabled,
  onConfirm,
}: {
  verb: string;
  title: string;
  description: string;
  name: string;
  mustType: boolean;
  destructive?: boolean;
  forceLabel?: string;
  disabled: boolean;
  onConfirm: (typed: string, force: boolean) => void;
}) {
  const [typed, setTyped] = useState("");
  const [force, setForce] = useState(false);
  const confirmed = !mustType || confirmsName(typed, name);
  return (
    <AlertDialog
      onOpenChange={(open) => {
        if (!open) return;
        setTyped("");
        setForce(false);
      }}
    >
      {destructive ? (
        <DestructiveTrigger label={verb} disabled={disabled} />
      ) : (
        <AlertDialogTrigger asChild>
          <Button variant="outline" size="sm" disabled={disabled}>
            {verb}
          </Button>
        </AlertDialogTrigger>
      )}
      <AlertDialogContent data-testid="container-action-dialog">
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        {forceLabel && (
          <div className="flex items-center gap-2">
            <Checkbox
              id="container-force"
              checked={force}
              onCheckedChange={(value) => setForce(value === true)}
            />
            <Label htmlFor="container-force">{forceLabel}</Label>
          </div>
        )}
        {mustType && (
          <div className="flex flex-col gap-2">
            <Label htmlFor="container-confirm">
              This is part of the platform itself. Type{" "}
              <span className="font-mono font-semibold">{name}</span> to confirm
            </Label>
            <Input
              id="container-confirm"
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
            disabled={!confirmed}
            onClick={() => onConfirm(typed.trim(), force)}
          >
            {verb}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
