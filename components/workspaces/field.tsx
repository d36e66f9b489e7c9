import type * as React from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

export function errorId(name: string): string {
  return `field-error-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

/** The messages for one field, under it; aria-describedby on the input points here. */
export function FieldError({ messages, name }: { messages: string[] | undefined; name: string }) {
  if (!messages?.length) return null;
  return (
    <p id={errorId(name)} data-testid="field-error" className="text-sm text-destructive">
      {messages.join(" ")}
    </p>
  );
}

/** A form's own error, above its fields (what no field is named for); nothing without one. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert variant="destructive">
      <AlertDescription className="col-start-1 text-destructive" data-testid="form-error">
        {message}
      </AlertDescription>
    </Alert>
  );
}

/** What an input needs to say it is wrong, and where the reason is written. */
export function invalidProps(messages: string[] | undefined, name: string) {
  return messages?.length ? { "aria-invalid": true, "aria-describedby": errorId(name) } : {};
}

/** A labelled field with its hint and errors; data-field names it as the schema does ("git.url"). */
export function Field({
  name,
  label,
  htmlFor,
  hint,
  errors,
  className,
  children,
}: {
  name: string;
  label: React.ReactNode;
  htmlFor: string;
  hint?: React.ReactNode;
  errors: string[] | undefined;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={cn("flex flex-col gap-1.5", className)} data-field={name}>
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      <FieldError messages={errors} name={name} />
    </div>
  );
}
