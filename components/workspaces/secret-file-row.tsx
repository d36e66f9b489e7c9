"use client";

import { FileUp, X } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { FieldError, invalidProps } from "@/components/workspaces/field";
import type { Errors } from "@/components/workspaces/form-errors";
import type { FileRow } from "@/components/workspaces/form-state";
import { formatBytes } from "@/components/workspaces/format";
import { readSecretFile } from "@/components/workspaces/read-file";
import { MAX_SECRET_FILE_BYTES } from "@/lib/validations/workspace";

/** A new secret file: its path, and its content typed in or read from a file on this computer. */
export function SecretFileRow({
  row,
  index,
  errors,
  onChange,
  onRemove,
}: {
  row: FileRow;
  index: number;
  errors: Errors;
  onChange: (patch: Partial<FileRow>) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const pathName = `secret_files.${index}.path`;
  const contentName = `secret_files.${index}.content`;
  const contentErrors = [
    ...(errors[contentName] ?? []),
    ...(errors[`secret_files.${index}.encoding`] ?? []),
    ...(pickError ? [pickError] : []),
  ];

  async function pick(file: File | undefined) {
    if (!file) return;
    // Reading a huge file into the page would hang it; the server's limit is the same.
    if (file.size > MAX_SECRET_FILE_BYTES) return setPickError(`${file.name} is larger than 64 KiB.`);
    setPickError(null);
    onChange(await readSecretFile(file));
  }

  return (
    <div className="flex flex-col gap-2 rounded-lg border p-3" data-testid="secret-file-row">
      <div className="flex items-start gap-2">
        <div className="flex flex-1 flex-col gap-1.5" data-field={pathName}>
          <Label htmlFor={`${id}-path`}>Path of file {index + 1}</Label>
          <Input
            id={`${id}-path`}
            placeholder="~/.config/app/credentials"
            className="font-mono"
            value={row.path}
            onChange={(event) => onChange({ path: event.target.value })}
            {...invalidProps(errors[pathName], pathName)}
          />
          <FieldError messages={errors[pathName]} name={pathName} />
        </div>
        <Button
          type="button"
          variant="ghost"
          size="icon"
          aria-label={`Remove file ${index + 1}`}
          onClick={onRemove}
        >
          <X aria-hidden />
        </Button>
      </div>
      <div className="flex flex-col gap-1.5" data-field={contentName}>
        <Label htmlFor={`${id}-content`}>Content of file {index + 1}</Label>
        <Textarea
          id={`${id}-content`}
          className="min-h-20 font-mono"
          value={row.content}
          readOnly={row.encoding === "base64"}
          onChange={(event) => onChange({ content: event.target.value })}
          {...invalidProps(contentErrors, contentName)}
        />
        {row.encoding === "base64" && (
          <p className="text-xs text-muted-foreground">
            A binary file ({formatBytes(Math.floor((row.content.length * 3) / 4))}), sent as base64.
          </p>
        )}
        <FieldError messages={contentErrors.length ? contentErrors : undefined} name={contentName} />
        <input
          ref={picker}
          type="file"
          className="sr-only"
          tabIndex={-1}
          aria-label={`Read file ${index + 1} from this computer`}
          onChange={(event) => void pick(event.target.files?.[0])}
        />
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="w-fit"
          onClick={() => picker.current?.click()}
        >
          <FileUp aria-hidden /> Read from a file…
        </Button>
      </div>
      <FieldError messages={errors[`secret_files.${index}`]} name={`secret_files.${index}`} />
    </div>
  );
}
