"use client";

import { Loader2, Pencil, Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { createTemplateAction } from "@/app/admin/actions/create-template";
import { updateTemplateAction } from "@/app/admin/actions/update-template";
import { placedTemplateKeys, TemplateFields } from "@/components/admin/templates/template-fields";
import {
  emptyTemplateState,
  inputOf,
  patchOf,
  stateOf,
  type TemplateFormState,
} from "@/components/admin/templates/template-form-state";
import { useFormDialog } from "@/components/admin/use-form-dialog";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormError } from "@/components/workspaces/field";
import type { AdminTemplateView } from "@/lib/admin/admin-template-view";

/** New template (no `template`) or Edit: the whole form in a dialog, every error at its field. */
export function TemplateDialog({ template }: { template?: AdminTemplateView }) {
  const editing = template !== undefined;
  const [state, setState] = useState<TemplateFormState>(emptyTemplateState);
  const { open, onOpenChange, errors, message, pending, save } = useFormDialog(() =>
    setState(template ? stateOf(template) : emptyTemplateState()),
  );
  const placed = placedTemplateKeys(state);
  const top = [
    ...(message ? [message] : []),
    ...Object.entries(errors)
      .filter(([key]) => !placed.has(key))
      .flatMap(([, messages]) => messages),
  ];

  function submit() {
    save(
      () =>
        template
          ? updateTemplateAction(template.id, patchOf(state, template))
          : createTemplateAction(inputOf(state)),
      (saved) =>
        toast.success(
          editing
            ? saved.version > (template?.version ?? 0)
              ? `${saved.display_name} saved as version ${saved.version}: running workspaces keep theirs until re-created.`
              : `${saved.display_name} saved.`
            : `${saved.display_name} created.`,
        ),
    );
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        {editing ? (
          <Button variant="outline" size="sm" aria-label={`Edit ${template.name}`}>
            <Pencil aria-hidden /> Edit
          </Button>
        ) : (
          <Button size="sm">
            <Plus aria-hidden /> New template
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-h-[90dvh] max-w-3xl overflow-y-auto" data-testid="template-dialog">
        <DialogHeader>
          <DialogTitle>{editing ? `Edit ${template.display_name}` : "New template"}</DialogTitle>
          <DialogDescription>
            {editing
              ? "No running workspace changes. A new image, apps, data path or volume driver is a new version: workspaces made from an older one show “Update available”. New timeouts apply to running workspaces from the next idle check."
              : "Workspaces can be made from it as soon as it is saved."}
          </DialogDescription>
        </DialogHeader>
        <form
          noValidate
          className="flex flex-col gap-5"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <FormError message={top.length > 0 ? top.join(" ") : null} />
          <fieldset disabled={pending}>
            <TemplateFields state={state} errors={errors} editing={editing} onChange={setState} />
          </fieldset>
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              {pending && <Loader2 className="animate-spin" aria-hidden />}
              {editing ? "Save" : "Create template"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
