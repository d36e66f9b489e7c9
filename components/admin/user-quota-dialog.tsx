"use client";

import { Gauge, Loader2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { setUserQuotaAction } from "@/app/admin/actions/set-user-quota";
import { useFormDialog } from "@/components/admin/use-form-dialog";
import { QUOTA_FIELDS } from "@/components/admin/user-quota-summary";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Field, FormError, invalidProps } from "@/components/workspaces/field";
import type { UserView } from "@/lib/admin/user-view";

type Key = (typeof QUOTA_FIELDS)[number]["key"];
type Values = Record<Key, string>;

const valuesOf = (quota: UserView["quota"]): Values =>
  Object.fromEntries(
    QUOTA_FIELDS.map(({ key }) => [key, quota[key].own === null ? "" : String(quota[key].own)]),
  ) as Values;

// Empty: the platform's (null). Text that is no number goes as typed, for the schema to say so at its field.
const quotaValueOf = (raw: string): number | string | null => {
  const text = raw.trim();
  if (text === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : text;
};

/** The account's own quotas: each empty (the platform's), 0 (no limit) or a number. Saves all four at once. */
export function UserQuotaDialog({ user, disabled }: { user: UserView; disabled: boolean }) {
  const [values, setValues] = useState<Values>(() => valuesOf(user.quota));
  const { open, onOpenChange, errors, message, pending, save } = useFormDialog(() =>
    setValues(valuesOf(user.quota)),
  );

  function submit() {
    const quota = Object.fromEntries(QUOTA_FIELDS.map(({ key }) => [key, quotaValueOf(values[key])]));
    save(
      () => setUserQuotaAction(user.id, quota),
      () => toast.success(`Quotas of ${user.email} saved.`),
    );
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" disabled={disabled} aria-label={`Quotas of ${user.email}`}>
          <Gauge aria-hidden /> Quotas
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="quota-dialog">
        <DialogHeader>
          <DialogTitle>Quotas of {user.email}</DialogTitle>
          <DialogDescription>
            Leave a field empty to follow the platform's (set on Defaults); 0 is no limit. Quotas count from
            the next workspace made or started: lowering one stops nothing.
          </DialogDescription>
        </DialogHeader>
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <FormError message={message} />
          <fieldset disabled={pending} className="grid gap-4 sm:grid-cols-2">
            {QUOTA_FIELDS.map(({ key, label, unit }) => {
              const limit = user.quota[key];
              return (
                <Field
                  key={key}
                  name={key}
                  label={`${label}${unit ? ` (${unit.trim()})` : ""}`}
                  htmlFor={`quota-${key}`}
                  hint={`Platform's: ${limit.platform === 0 ? "no limit" : `${limit.platform}${unit}`}. In use now: ${limit.used === null ? "unknown" : `${limit.used}${unit}`}.`}
                  errors={errors[key]}
                >
                  <Input
                    id={`quota-${key}`}
                    inputMode="decimal"
                    placeholder={`${limit.platform === 0 ? "no limit" : limit.platform} (platform's)`}
                    value={values[key]}
                    onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))}
                    {...invalidProps(errors[key], key)}
                  />
                </Field>
              );
            })}
          </fieldset>
          <DialogFooter>
            <Button
              type="button"
              variant="outline"
              disabled={pending}
              onClick={() =>
                setValues(Object.fromEntries(QUOTA_FIELDS.map(({ key }) => [key, ""])) as Values)
              }
            >
              Follow the platform's
            </Button>
            <Button type="submit" disabled={pending}>
              {pending && <Loader2 className="animate-spin" aria-hidden />}
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
