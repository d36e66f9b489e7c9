"use client";

import { Loader2, Plus } from "lucide-react";
import { engineRequest } from "@/components/admin/engine/system/engine-request";
import { useFormDialog } from "@/components/admin/use-form-dialog";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormError } from "@/components/workspaces/field";

/** A create form in a dialog: the fields come from the caller (given their errors), the call and its errors from here. */
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
  children: (errors: Record<string, string[]>) => React.ReactNode;
}) {
  const { open, onOpenChange, errors, message, pending, save } = useFormDialog(() => {});
  const byField = byTopField(errors);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
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
          noValidate
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            save(() => engineRequest("POST", path, body()), onCreated);
          }}
        >
          <FormError message={message ?? byField.form?.join(" ") ?? null} />
          <fieldset disabled={pending} className="flex flex-col gap-3">
            {children(byField)}
          </fieldset>
          <Button type="submit" disabled={!valid || pending} className="self-end">
            {pending && <Loader2 className="animate-spin" aria-hidden />}
            Create
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** "labels.team" is the labels input's error: each field shows every error under its name. */
function byTopField(errors: Record<string, string[]>): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors)) {
    const field = key.split(".")[0] ?? key;
    grouped[field] = [...(grouped[field] ?? []), ...messages];
  }
  return grouped;
}
