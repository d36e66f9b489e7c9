"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Field, invalidProps } from "@/components/workspaces/field";
import type { Errors } from "@/components/workspaces/form-errors";
import type { CreateState } from "@/components/workspaces/form-state";
import { formatTime } from "@/components/workspaces/format";
import type { TemplateView } from "@/lib/templates/list-template-views";
import type { KeptVolumeView } from "@/lib/workspaces/kept-volumes";

/** What only a new workspace chooses: its name, its template and its data volume. */
export function CreateFields({
  state,
  errors,
  templates,
  keptVolumes,
  onChange,
}: {
  state: CreateState;
  errors: Errors;
  templates: TemplateView[];
  keptVolumes: KeptVolumeView[];
  onChange: (patch: Partial<CreateState>) => void;
}) {
  const id = useId();
  const template = templates.find((candidate) => candidate.name === state.template);
  return (
    <>
      <Field
        name="name"
        label="Name"
        htmlFor={`${id}-name`}
        hint="Lower-case letters, digits and dashes; part of the workspace's address."
        errors={errors.name}
      >
        <Input
          id={`${id}-name`}
          autoComplete="off"
          placeholder="my-project"
          value={state.name}
          onChange={(event) => onChange({ name: event.target.value })}
          {...invalidProps(errors.name, "name")}
        />
      </Field>
      <Field
        name="template"
        label="Template"
        htmlFor={`${id}-template`}
        hint={template?.description}
        errors={errors.template}
      >
        <NativeSelect
          id={`${id}-template`}
          value={state.template}
          onChange={(event) => onChange({ template: event.target.value })}
          {...invalidProps(errors.template, "template")}
        >
          {templates.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.display_name} ({candidate.name})
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field
        name="volume"
        label="Data"
        htmlFor={`${id}-volume`}
        hint={template ? `Mounted at ${template.data_path}.` : undefined}
        errors={errors.volume}
      >
        <NativeSelect
          id={`${id}-volume`}
          value={state.volume}
          onChange={(event) => onChange({ volume: event.target.value })}
          {...invalidProps(errors.volume, "volume")}
        >
          <option value="">A new empty volume</option>
          {keptVolumes.map((volume) => (
            <option key={volume.id} value={volume.id}>
              Kept data of {volume.workspace_name} ({formatTime(volume.kept_at)})
            </option>
          ))}
        </NativeSelect>
      </Field>
    </>
  );
}
