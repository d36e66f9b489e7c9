"use client";

import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/workspaces/field";
import type { Errors } from "@/components/workspaces/form-errors";
import { emptyFileRow, type FileRow } from "@/components/workspaces/form-state";
import { formatBytes, formatTime } from "@/components/workspaces/format";
import { SecretFileRow } from "@/components/workspaces/secret-file-row";

/** Secret files: saved ones by path, size and date (their content is never shown), new ones to fill in. */
export function SecretFilesEditor({
  rows,
  errors,
  onChange,
  onRemove,
}: {
  rows: FileRow[];
  errors: Errors;
  onChange: (rows: FileRow[]) => void;
  onRemove: (index: number) => void;
}) {
  const update = (index: number, patch: Partial<FileRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="flex flex-col gap-2" data-field="secret_files">
      <legend className="mb-1.5 text-sm font-medium">Secret files</legend>
      <p className="text-xs text-muted-foreground">
        Written into the workspace as files only its user can read, under ~/ or the data folder. Stored
        encrypted; never shown again.
      </p>
      {rows.map((row, index) =>
        row.saved ? (
          <div key={row.id} className="flex flex-col gap-1" data-testid="saved-secret-file">
            <div className="flex items-center gap-2 rounded-lg border px-3 py-2 text-sm">
              <code className="min-w-0 flex-1 font-mono text-xs break-all">{row.path}</code>
              <span className="shrink-0 text-muted-foreground">
                {formatBytes(row.saved.size)} · {formatTime(row.saved.updated_at)}
              </span>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                aria-label={`Remove ${row.path}`}
                onClick={() => onRemove(index)}
              >
                <X aria-hidden /> Remove
              </Button>
            </div>
            <FieldError messages={errors[`secret_files.${index}.path`]} name={`secret_files.${index}.path`} />
            <FieldError
              messages={errors[`secret_files.${index}.content`]}
              name={`secret_files.${index}.content`}
            />
            <FieldError messages={errors[`secret_files.${index}`]} name={`secret_files.${index}`} />
          </div>
        ) : (
          <SecretFileRow
            key={row.id}
            row={row}
            index={index}
            errors={errors}
            onChange={(patch) => update(index, patch)}
            onRemove={() => onRemove(index)}
          />
        ),
      )}
      <FieldError messages={errors.secret_files} name="secret_files" />
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="w-fit"
        onClick={() => onChange([...rows, emptyFileRow()])}
      >
        <Plus aria-hidden /> Add file
      </Button>
    </fieldset>
  );
}
