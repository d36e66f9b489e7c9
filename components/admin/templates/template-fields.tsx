"use client";

import { Plus, Trash2 } from "lucide-react";
import {
  type AppRow,
  emptyApp,
  LIMIT_FIELDS,
  type TemplateFormState,
  TIMEOUT_FIELDS,
} from "@/components/admin/templates/template-form-state";
import { placedVolumeKeys, TemplateVolumeFields } from "@/components/admin/templates/template-volume-fields";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Field, FieldError, invalidProps } from "@/components/workspaces/field";

type Errors = Record<string, string[]>;
const MAX_APPS = 8;

/** Every field of a template; errors sit at the field the schema names ("apps.1.port", "limits.max.cpus"). */
export function TemplateFields({
  state,
  errors,
  editing,
  onChange,
}: {
  state: TemplateFormState;
  errors: Errors;
  /** The name is fixed once the template exists. */
  editing: boolean;
  onChange: (next: TemplateFormState) => void;
}) {
  const set = (patch: Partial<TemplateFormState>) => onChange({ ...state, ...patch });
  const setApp = (index: number, patch: Partial<AppRow>) =>
    set({
      apps: state.apps.map((app, at) =>
        at === index
          ? { ...app, ...patch }
          : // One primary: marking one unmarks the others.
            patch.primary
            ? { ...app, primary: false }
            : app,
      ),
    });
  const text = (name: "name" | "display_name" | "image" | "data_path", label: string, hint?: string) => (
    <Field name={name} label={label} htmlFor={`template-${name}`} hint={hint} errors={errors[name]}>
      <Input
        id={`template-${name}`}
        value={state[name]}
        disabled={name === "name" && editing}
        onChange={(event) => set({ [name]: event.target.value })}
        {...invalidProps(errors[name], name)}
      />
    </Field>
  );
  return (
    <div className="flex flex-col gap-5">
      <div className="grid gap-4 sm:grid-cols-2">
        {text(
          "name",
          "Name",
          editing
            ? "Fixed once made: workloads and slots are named after it."
            : "A DNS label such as python.",
        )}
        {text("display_name", "Display name")}
        {text("image", "Image", "Checked present on this server's container engine.")}
        {text("data_path", "Data path", "Where the workspace's data volume is mounted.")}
      </div>
      <Field
        name="description"
        label="Description"
        htmlFor="template-description"
        errors={errors.description}
      >
        <Textarea
          id="template-description"
          value={state.description}
          onChange={(event) => set({ description: event.target.value })}
          {...invalidProps(errors.description, "description")}
        />
      </Field>

      <fieldset className="flex flex-col gap-2" data-field="apps">
        <legend className="mb-2 text-sm font-medium">Apps</legend>
        <FieldError messages={errors.apps} name="apps" />
        {state.apps.map((app, index) => (
          <div
            key={app.rowKey}
            className="grid grid-cols-[1fr_6rem_1fr_auto_auto] items-start gap-2"
            data-testid="app-row"
          >
            {(["name", "port", "health_path"] as const).map((part) => {
              const key = `apps.${index}.${part}`;
              return (
                <div key={part} className="flex flex-col gap-1" data-field={key}>
                  <Input
                    aria-label={`App ${index + 1} ${part === "health_path" ? "health path" : part}`}
                    placeholder={part === "health_path" ? "/healthz (optional)" : part}
                    inputMode={part === "port" ? "numeric" : undefined}
                    value={app[part]}
                    onChange={(event) => setApp(index, { [part]: event.target.value })}
                    {...invalidProps(errors[key], key)}
                  />
                  <FieldError messages={errors[key]} name={key} />
                </div>
              );
            })}
            <label className="flex h-9 items-center gap-1.5 text-sm">
              <input
                type="radio"
                name="primary-app"
                checked={app.primary}
                onChange={() => setApp(index, { primary: true })}
              />
              Primary
            </label>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={`Remove app ${index + 1}`}
              disabled={state.apps.length <= 1}
              onClick={() => set({ apps: state.apps.filter((_, at) => at !== index) })}
            >
              <Trash2 aria-hidden />
            </Button>
          </div>
        ))}
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="w-fit"
          disabled={state.apps.length >= MAX_APPS}
          onClick={() => set({ apps: [...state.apps, emptyApp()] })}
        >
          <Plus aria-hidden /> Add app
        </Button>
      </fieldset>

      <fieldset className="grid gap-3 sm:grid-cols-3" data-field="limits">
        <legend className="mb-2 text-sm font-medium">
          Limits: default and maximum a workspace may ask for
        </legend>
        {(["default", "max"] as const).flatMap((which) =>
          LIMIT_FIELDS.map(({ key, label }) => {
            const name = `limits.${which}.${key}`;
            return (
              <Field
                key={name}
                name={name}
                label={`${which === "default" ? "Default" : "Max"} ${label.toLowerCase()}`}
                htmlFor={`template-${which}-${key}`}
                errors={errors[name]}
              >
                <Input
                  id={`template-${which}-${key}`}
                  inputMode="decimal"
                  value={state.limits[which][key]}
                  onChange={(event) =>
                    set({
                      limits: {
                        ...state.limits,
                        [which]: { ...state.limits[which], [key]: event.target.value },
                      },
                    })
                  }
                  {...invalidProps(errors[name], name)}
                />
              </Field>
            );
          }),
        )}
      </fieldset>

      <fieldset className="grid gap-3 sm:grid-cols-2" data-field="timeouts">
        <legend className="mb-2 text-sm font-medium">Stopping running workspaces</legend>
        {TIMEOUT_FIELDS.map(({ key, label, hint }) => (
          <Field
            key={key}
            name={key}
            label={label}
            htmlFor={`template-${key}`}
            hint={hint}
            errors={errors[key]}
          >
            <Input
              id={`template-${key}`}
              inputMode="numeric"
              value={state[key]}
              onChange={(event) => set({ [key]: event.target.value })}
              {...invalidProps(errors[key], key)}
            />
          </Field>
        ))}
      </fieldset>

      <TemplateVolumeFields state={state} errors={errors} onChange={set} />
    </div>
  );
}

/** The keys this form shows at a field, for its current rows (the rest are shown at the top). */
export function placedTemplateKeys(state: TemplateFormState): Set<string> {
  const keys = new Set([
    "name",
    "display_name",
    "description",
    "image",
    "data_path",
    "apps",
    "limits",
    ...TIMEOUT_FIELDS.map(({ key }) => key),
    ...placedVolumeKeys(state),
  ]);
  state.apps.forEach((_, index) => {
    for (const part of ["name", "port", "health_path"]) keys.add(`apps.${index}.${part}`);
  });
  for (const which of ["default", "max"])
    for (const { key } of LIMIT_FIELDS) keys.add(`limits.${which}.${key}`);
  return keys;
}
