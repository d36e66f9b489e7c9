"use client";

import { Loader2, Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
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
import { CreateFields } from "@/components/workspaces/create-fields";
import { placedKeys, unplacedErrors } from "@/components/workspaces/form-errors";
import { type CreateState, emptyCreateState } from "@/components/workspaces/form-state";
import { LaunchProgress } from "@/components/workspaces/launch-progress";
import { SettingsFields } from "@/components/workspaces/settings-fields";
import { useCreateAndOpen } from "@/components/workspaces/use-create-and-open";
import { useFocusInvalid } from "@/components/workspaces/use-focus-invalid";
import type { TemplateView } from "@/lib/templates/list-template-views";
import type { KeptVolumeView } from "@/lib/workspaces/kept-volumes";

const SUBMIT_LABEL = {
  editing: "Create & Open",
  creating: "Creating…",
  launching: "Starting…",
  failed: "Try again",
} as const;

/** "New workspace": every setting in one dialog; Create & Open creates it, starts it and opens its service. */
export function NewWorkspaceDialog({
  templates,
  keptVolumes,
}: {
  templates: TemplateView[];
  keptVolumes: KeptVolumeView[];
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<CreateState>(() => emptyCreateState(templates[0]?.name ?? ""));
  const flow = useCreateAndOpen({
    onOpened: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const { phase, errors } = flow;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusInvalid(formRef, flow.failures);
  const busy = phase.kind === "creating" || phase.kind === "launching";
  const template = templates.find((candidate) => candidate.name === state.template) ?? null;
  const topErrors = unplacedErrors(errors, placedKeys(state, ["name", "template", "volume"]));

  function onOpenChange(next: boolean) {
    if (busy) return;
    if (!next && phase.kind === "failed") router.refresh();
    if (next) {
      flow.reset();
      setState(emptyCreateState(templates[0]?.name ?? ""));
    }
    setOpen(next);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm">
          <Plus aria-hidden /> New workspace
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl" data-testid="new-workspace-dialog">
        <DialogHeader>
          <DialogTitle>New workspace</DialogTitle>
          <DialogDescription>
            Made from a template, with its own data, settings and address.
          </DialogDescription>
        </DialogHeader>
        <form
          ref={formRef}
          noValidate
          className="flex flex-col gap-5"
          onSubmit={(event) => {
            event.preventDefault();
            if (phase.kind === "failed") flow.retry();
            else void flow.submit(state, template);
          }}
        >
          {topErrors.length > 0 && (
            <Alert variant="destructive">
              <AlertDescription className="col-start-1 text-destructive" data-testid="form-error">
                {topErrors.join(" ")}
              </AlertDescription>
            </Alert>
          )}
          <fieldset disabled={busy || phase.kind === "failed"} className="flex flex-col gap-5">
            <CreateFields
              state={state}
              errors={errors}
              templates={templates}
              keptVolumes={keptVolumes}
              onChange={(patch) => setState((current) => ({ ...current, ...patch }))}
            />
            <SettingsFields
              state={state}
              errors={errors}
              setState={setState}
              setErrors={flow.setErrors}
              defaults={template?.limits.default ?? null}
              max={template?.limits.max ?? null}
              idleMax={template?.idle_timeout_minutes ?? null}
              displayNamePlaceholder={state.name || undefined}
            />
          </fieldset>
          {(phase.kind === "launching" || phase.kind === "failed") && (
            <LaunchProgress progress={flow.progress} />
          )}
          {phase.kind === "failed" && (
            <Alert variant="destructive">
              <AlertDescription className="col-start-1 text-destructive" data-testid="launch-error">
                <p className="whitespace-pre-line">{phase.message}</p>
                <p>
                  {phase.workspace.display_name} was created and keeps its settings:{" "}
                  <Link
                    href={`/workspaces/${phase.workspace.id}`}
                    className="font-medium underline underline-offset-4"
                  >
                    open its page
                  </Link>{" "}
                  to change them, or try again.
                </p>
              </AlertDescription>
            </Alert>
          )}
          <DialogFooter>
            <Button type="submit" disabled={busy}>
              {busy && <Loader2 className="animate-spin" aria-hidden />}
              {SUBMIT_LABEL[phase.kind]}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
