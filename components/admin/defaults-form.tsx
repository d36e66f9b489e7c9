"use client";

import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { updateDefaultsAction } from "@/app/admin/actions/update-defaults";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field, FormError, invalidProps } from "@/components/workspaces/field";
import type { DefaultsView } from "@/lib/admin/defaults-view";

const LABELS: Record<string, string> = {
  CONTAINER_MEMORY: "Default memory",
  CONTAINER_CPUS: "Default CPUs",
  CONTAINER_PIDS_LIMIT: "Default processes",
  CONTAINER_MAX_MEMORY: "Maximum memory",
  CONTAINER_MAX_CPUS: "Maximum CPUs",
  CONTAINER_MAX_PIDS_LIMIT: "Maximum processes",
  USER_TEMPLATE_IMAGE_DEV: "dev image",
  USER_TEMPLATE_IMAGE_PROD: "prod image",
  USER_TEMPLATE_IMAGE_IDE: "ide image",
  QUOTA_WORKSPACES: "Workspaces per user (0: no limit)",
  QUOTA_RUNNING: "Running at once per user (0: no limit)",
  QUOTA_MEMORY: "Memory of running workspaces per user (0: no limit)",
  QUOTA_CPUS: "CPUs of running workspaces per user (0: no limit)",
};

/** Each setting empty (the environment's) or set here; Save stores them all, Reset clears every one. */
export function DefaultsForm({ view }: { view: DefaultsView }) {
  const router = useRouter();
  const initial = () => Object.fromEntries(view.keys.map((key) => [key, view.overrides[key] ?? ""]));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function save(next: Record<string, string>, done: string) {
    startTransition(async () => {
      const result = await updateDefaultsAction(next);
      if (!result.ok) {
        setErrors(result.error.fields ?? {});
        setMessage(result.error.message);
        return;
      }
      setErrors({});
      setMessage(null);
      setValues(Object.fromEntries(result.data.keys.map((key) => [key, result.data.overrides[key] ?? ""])));
      toast.success(done);
      router.refresh();
    });
  }

  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      data-testid="defaults-form"
      onSubmit={(event) => {
        event.preventDefault();
        save(values, "Defaults saved: the seeded templates that follow the settings use them now.");
      }}
    >
      <FormError message={message} />
      <fieldset disabled={pending} className="grid gap-4 sm:grid-cols-3">
        {view.keys.map((key) => (
          <Field
            key={key}
            name={key}
            label={LABELS[key] ?? key}
            htmlFor={`default-${key}`}
            hint={
              <>
                <span className="font-mono">{key}</span> · environment: {view.environment[key]} · in effect:{" "}
                {view.effective[key]}
              </>
            }
            errors={errors[key]}
          >
            <Input
              id={`default-${key}`}
              placeholder={view.environment[key]}
              value={values[key] ?? ""}
              onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))}
              {...invalidProps(errors[key], key)}
            />
          </Field>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending && <Loader2 className="animate-spin" aria-hidden />}
          Save
        </Button>
        <Button
          type="button"
          variant="outline"
          disabled={pending || Object.keys(view.overrides).length === 0}
          onClick={() => save({}, "Reset: every default follows the environment again.")}
        >
          Reset to the environment
        </Button>
      </div>
    </form>
  );
}
