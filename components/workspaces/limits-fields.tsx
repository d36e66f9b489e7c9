"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Field, FieldError, invalidProps } from "@/components/workspaces/field";
import type { Errors } from "@/components/workspaces/form-errors";
import type { LimitsState } from "@/components/workspaces/form-state";

export type LimitValues = { memory_mb: number; cpus: number; pids: number };

const FIELDS = [
  { key: "memory_mb", label: "Memory (MB)", unit: "MB", step: "1" },
  { key: "cpus", label: "CPUs", unit: "CPUs", step: "0.05" },
  { key: "pids", label: "Processes", unit: "processes", step: "1" },
] as const;

/** Memory, CPUs and processes: empty means the template's default (the placeholder), up to its maximum. */
export function LimitsFields({
  limits,
  defaults,
  max,
  errors,
  onChange,
}: {
  limits: LimitsState;
  defaults: LimitValues | null;
  max: LimitValues | null;
  errors: Errors;
  onChange: (patch: Partial<LimitsState>) => void;
}) {
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-2" data-field="limits">
      <legend className="mb-1.5 text-sm font-medium">Limits</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        {FIELDS.map(({ key, label, unit, step }) => {
          const name = `limits.${key}`;
          return (
            <Field
              key={key}
              name={name}
              label={label}
              htmlFor={`${id}-${key}`}
              hint={max ? `At most ${max[key]} ${unit}.` : undefined}
              errors={errors[name]}
            >
              <Input
                id={`${id}-${key}`}
                type="number"
                inputMode="decimal"
                min={0}
                step={step}
                placeholder={defaults ? String(defaults[key]) : undefined}
                value={limits[key]}
                onChange={(event) => onChange({ [key]: event.target.value })}
                {...invalidProps(errors[name], name)}
              />
            </Field>
          );
        })}
      </div>
      <FieldError messages={errors.limits} name="limits" />
    </fieldset>
  );
}
