"use client";

import { Loader2, Plus } from "lucide-react";
import { useState } from "react";
import { useEngineCall } from "@/components/admin/engine/system/use-engine-call";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";

/** A create form in a dialog: the fields come from the caller, the call and its error from here. */
export function CreateDialog({
  title,
  description,
  path,
  body,
  valid,
  onCreated,
  children,
}: {
  title: string;
  description: string;
  path: string;
  body: () => unknown;
  valid: boolean;
  onCreated: () => void;
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const { pending, error, setError, call } = useEngineCall();
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm">
          <Plus aria-hidden /> Create
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            call("POST", path, body(), () => {
              setOpen(false);
              onCreated();
            });
          }}
        >
          {children}
          {error && (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          )}
          <Button type="submit" disabled={!valid || pending} className="self-end">
            {pending && <Loader2 className="animate-spin" aria-hidden />}
            Create
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
