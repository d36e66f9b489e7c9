"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import { EnvEditor } from "@/components/workspaces/env-editor";
import { Field, invalidProps } from "@/components/workspaces/field";
import { type Errors, withoutRow } from "@/components/workspaces/form-errors";
import type { SettingsState } from "@/components/workspaces/form-state";
import { GitFields } from "@/components/workspaces/git-fields";
import { LimitsFields, type LimitValues } from "@/components/workspaces/limits-fields";
import { SecretFilesEditor } from "@/components/workspaces/secret-files-editor";

export type SettingsFieldsProps<S extends SettingsState> = {
  state: S;
  errors: Errors;
  setState: (update: (state: S) => S) => void;
  setErrors: (update: (errors: Errors) => Errors) => void;
  defaults: LimitValues | null;
  max: LimitValues | null;
  /** The template's idle timeout in minutes: the default and the most one may choose (0: never, no bound). */
  idleMax: number | null;
  savedToken?: boolean;
  clonedAt?: string | null;
  displayNamePlaceholder?: string;
};

/** The fields the create dialog and the settings form share: name shown, repository, env, secret files, limits. */
export function SettingsFields<S extends SettingsState>(props: SettingsFieldsProps<S>) {
  const { state, errors, setState, setErrors } = props;
  const id = useId();
  const patch = (change: Partial<SettingsState>) => setState((current) => ({ ...current, ...change }));
  const removeRow = (list: "env" | "files", index: number) => {
    setState((current) => ({ ...current, [list]: current[list].filter((_, i) => i !== index) }));
    setErrors((current) => withoutRow(current, list === "env" ? "env" : "secret_files", index));
  };
  return (
    <>
      <Field name="display_name" label="Display name" htmlFor={`${id}-display`} errors={errors.display_name}>
        <Input
          id={`${id}-display`}
          placeholder={props.displayNamePlaceholder}
          value={state.display_name}
          onChange={(event) => patch({ display_name: event.target.value })}
          {...invalidProps(errors.display_name, "display_name")}
        />
      </Field>
      <GitFields
        git={state.git}
        errors={errors}
        savedToken={props.savedToken}
        clonedAt={props.clonedAt}
        onChange={(change) => setState((current) => ({ ...current, git: { ...current.git, ...change } }))}
      />
      <EnvEditor
        rows={state.env}
        errors={errors}
        onChange={(env) => patch({ env })}
        onRemove={(index) => removeRow("env", index)}
      />
      <SecretFilesEditor
        rows={state.files}
        errors={errors}
        onChange={(files) => patch({ files })}
        onRemove={(index) => removeRow("files", index)}
      />
      <LimitsFields
        limits={state.limits}
        defaults={props.defaults}
        max={props.max}
        errors={errors}
        onChange={(change) =>
          setState((current) => ({ ...current, limits: { ...current.limits, ...change } }))
        }
      />
      <Field
        name="idle_timeout_minutes"
        label="Stop after this many idle minutes"
        htmlFor={`${id}-idle`}
        hint={idleHint(props.idleMax)}
        errors={errors.idle_timeout_minutes}
      >
        <Input
          id={`${id}-idle`}
          type="number"
          inputMode="numeric"
          min={0}
          step="1"
          placeholder={props.idleMax === null ? undefined : String(props.idleMax)}
          value={state.idle}
          onChange={(event) => patch({ idle: event.target.value })}
          {...invalidProps(errors.idle_timeout_minutes, "idle_timeout_minutes")}
        />
      </Field>
    </>
  );
}

/** What the template allows: requests through its apps and open connections count as activity, status pages don't. */
function idleHint(max: number | null): string {
  const counts = "Activity is use of its apps (an open editor counts), not this page.";
  if (max === null) return counts;
  if (max === 0) return `Empty or 0: never stopped for being idle. ${counts}`;
  return `Empty: the template's ${max}; at most ${max}. ${counts}`;
}
