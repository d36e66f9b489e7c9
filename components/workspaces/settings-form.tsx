"use client";

import { Loader2, Save } from "lucide-react";
import { useRef } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApplyChangeDialog } from "@/components/workspaces/apply-change-dialog";
import { placedKeys, unplacedErrors } from "@/components/workspaces/form-errors";
import type { LimitValues } from "@/components/workspaces/limits-fields";
import { SettingsFields } from "@/components/workspaces/settings-fields";
import { useFocusInvalid } from "@/components/workspaces/use-focus-invalid";
import { useSaveSettings } from "@/components/workspaces/use-save-settings";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

/** A workspace's settings, prefilled: secrets are listed, never shown; Save asks before a running one restarts. */
export function SettingsForm({
  workspace,
  defaults,
}: {
  workspace: WorkspaceView;
  defaults: LimitValues | null;
}) {
  const form = useSaveSettings(workspace);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusInvalid(formRef, form.failures);
  const topErrors = unplacedErrors(form.errors, placedKeys(form.state));
  return (
    <>
      <form
        ref={formRef}
        noValidate
        className="flex flex-col gap-5"
        data-testid="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          form.requestSave();
        }}
      >
        {topErrors.length > 0 && (
          <Alert variant="destructive">
            <AlertDescription className="col-start-1 text-destructive" data-testid="form-error">
              {topErrors.join(" ")}
            </AlertDescription>
          </Alert>
        )}
        <fieldset disabled={form.saving !== null} className="flex flex-col gap-5">
          <SettingsFields
            state={form.state}
            errors={form.errors}
            setState={form.setState}
            setErrors={form.setErrors}
            defaults={defaults}
            max={workspace.limits_max}
            idleMax={workspace.idle_timeout_max_minutes}
            savedToken={form.savedToken}
            clonedAt={workspace.settings.git?.cloned_at ?? null}
            displayNamePlaceholder={workspace.name}
          />
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={form.saving !== null || !form.dirty}>
            {form.saving ? <Loader2 className="animate-spin" aria-hidden /> : <Save aria-hidden />}
            {form.saving === "applying" ? "Saving and applying…" : form.saving ? "Saving…" : "Save settings"}
          </Button>
          {form.notice && (
            <p className="text-sm text-muted-foreground" role="status" data-testid="settings-saved">
              {form.notice}
            </p>
          )}
        </div>
      </form>
      <ApplyChangeDialog
        takes={form.asking}
        onSave={(applyNow) => void form.save(applyNow)}
        onCancel={() => form.setAsking(null)}
      />
    </>
  );
}
