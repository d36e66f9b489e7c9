"use client";

import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, invalidProps } from "@/components/workspaces/field";
import type { Errors } from "@/components/workspaces/form-errors";
import { type EnvRow, emptyEnvRow } from "@/components/workspaces/form-state";

/** Environment variables as key–value rows; each row shows its own errors (env.2.key at row 3's name). */
export function EnvEditor({
  rows,
  errors,
  onChange,
  onRemove,
}: {
  rows: EnvRow[];
  errors: Errors;
  onChange: (rows: EnvRow[]) => void;
  onRemove: (index: number) => void;
}) {
  const update = (index: number, patch: Partial<EnvRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="flex flex-col gap-2" data-field="env">
      <legend className="mb-1.5 text-sm font-medium">Environment variables</legend>
      {rows.length === 0 && <p className="text-sm text-muted-foreground">None.</p>}
      {rows.map((row, index) => {
        const keyName = `env.${index}.key`;
        const valueName = `env.${index}.value`;
        return (
          <div key={row.id} className="flex flex-col gap-1" data-testid="env-row">
            <div className="flex items-start gap-2">
              <div className="flex flex-1 flex-col gap-1" data-field={keyName}>
                <Input
                  aria-label={`Name of variable ${index + 1}`}
                  placeholder="NAME"
                  className="font-mono"
                  value={row.key}
                  onChange={(event) => update(index, { key: event.target.value })}
                  {...invalidProps(errors[keyName], keyName)}
                />
                <FieldError messages={errors[keyName]} name={keyName} />
              </div>
              <div className="flex flex-1 flex-col gap-1" data-field={valueName}>
                <Input
                  aria-label={`Value of variable ${index + 1}`}
                  placeholder="value"
                  className="font-mono"
                  value={row.value}
                  onChange={(event) => update(index, { value: event.target.value })}
                  {...invalidProps(errors[valueName], valueName)}
                />
                <FieldError messages={errors[valueName]} name={valueName} />
              </div>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={`Remove variable ${index + 1}`}
                onClick={() => onRemove(index)}
              >
                <X aria-hidden />
              </Button>
            </div>
            <FieldError messages={errors[`env.${index}`]} name={`env.${index}`} />
          </div>
        );
      })}
      <FieldError messages={errors.env} name="env" />
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="w-fit"
        onClick={() => onChange([...rows, emptyEnvRow()])}
      >
        <Plus aria-hidden /> Add variable
      </Button>
    </fieldset>
  );
}
