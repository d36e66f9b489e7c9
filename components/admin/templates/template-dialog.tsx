"use client";

import { Loader2, Pencil, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { createTemplateAction } from "@/app/admin/actions/create-template";
import { updateTemplateAction } from "@/app/admin/actions/update-template";
import { placedTemplateKeys, TemplateFields } from "@/components/admin/templates/template-fields";
import {
  emptyTemplateState,
  inputOf,
  stateOf,
  type TemplateFormState,
} from "@/components/admin/templates/template-form-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
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
import type { AdminTemplateView } from "@/lib/admin/admin-template-view";

/** New template (no `template`) or Edit: the whole form in a dialog, every error at its field. */
export function TemplateDialog({ template }: { template?: AdminTemplateView }) {
  const router = useRouter();
  const editing = template !== undefined;
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<TemplateFormState>(emptyTemplateState);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const placed = placedTemplateKeys(state);
  const top = [
    ...(message ? [message] : []),
    ...Object.entries(errors)
      .filter(([key]) => !placed.has(key))
      .flatMap(([, messages]) => messages),
  ];

  function onOpenChange(next: boolean) {
    if (pending) return;
    if (next) {
      setState(template ? stateOf(template) : emptyTemplateState());
      setErrors({});
      setMessage(null);
    }
    setOpen(next);
  }

  function submit() {
    startTransition(async () => {
      const { name: _name, ...fields } = inputOf(state);
      const result = template
        ? await updateTemplateAction(template.id, fields)
        : await createTemplateAction(inputOf(state));
      if (!result.ok) {
        setErrors(result.error.fields ?? {});
        setMessage(result.error.fields ? null : result.error.message);
        return;
      }
      toast.success(
        editing
          ? result.data.version > (template?.version ?? 0)
            ? `${result.data.display_name} saved as version ${result.data.version}: running workspaces keep theirs until re-created.`
            : `${result.data.display_name} saved.`
          : `${result.data.display_name} created.`,
      );
      setOpen(false);
      router.refresh();
    });
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
              ? "No running workspace changes. A new image, apps or data path is a new version: workspaces made from an older one show “Update available”."
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
          {top.length > 0 && (
            <Alert variant="destructive">
              <AlertDescription className="col-start-1 text-destructive" data-testid="form-error">
                {top.join(" ")}
              </AlertDescription>
            </Alert>
          )}
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
