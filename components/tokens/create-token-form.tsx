"use client";

import { Loader2, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { createTokenAction } from "@/app/(dashboard)/actions/create-token";
import { NewToken } from "@/components/tokens/new-token";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Field, FieldError, FormError, invalidProps } from "@/components/workspaces/field";
import { reach } from "@/components/workspaces/reach";
import { useFocusInvalid } from "@/components/workspaces/use-focus-invalid";
import { SCOPE_LABELS, type Scope } from "@/lib/tokens/scopes";

type Errors = Record<string, string[]>;
type FormState = { name: string; scopes: Scope[]; expiry: string; date: string };

const DATE = "date";
// The keys shown at a field; anything else the server names goes above the form, so nothing is dropped.
const PLACED = new Set(["name", "scopes", "expires_in_days", "expires_on"]);

/** The schema's input (lib/validations/token.ts): a number of days or a date, never both. */
function inputOf(state: FormState) {
  return {
    name: state.name,
    scopes: state.scopes,
    ...(state.expiry === DATE ? { expires_on: state.date } : { expires_in_days: Number(state.expiry) }),
  };
}

/** Makes a token: name, scopes (only those the account may give), expiry in days or on a date. */
export function CreateTokenForm({
  scopes,
  presets,
  dateRange,
  maxDays,
  appUrl,
}: {
  scopes: Scope[];
  presets: number[];
  /** null when no day fits within the longest allowed life. */
  dateRange: { min: string; max: string } | null;
  maxDays: number;
  appUrl: string;
}) {
  const router = useRouter();
  const initial = (): FormState => ({
    name: "",
    scopes: ["workspaces:read"],
    expiry: String(presets.includes(30) ? 30 : presets[0]),
    date: "",
  });
  const [state, setState] = useState<FormState>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusInvalid(formRef, failures);
  const patch = (next: Partial<FormState>) => setState((current) => ({ ...current, ...next }));
  const scopeErrors = Object.entries(errors)
    .filter(([key]) => key.startsWith("scopes"))
    .flatMap(([, messages]) => messages);

  function submit() {
    setCreated(null);
    startTransition(async () => {
      const result = await reach(() => createTokenAction(inputOf(state)));
      if (!result.ok) {
        const fields = result.error.fields ?? {};
        const unplaced = Object.entries(fields)
          .filter(([key]) => !PLACED.has(key) && !key.startsWith("scopes."))
          .flatMap(([, messages]) => messages);
        setErrors(fields);
        setProblem(Object.keys(fields).length === 0 ? result.error.message : unplaced.join(" ") || null);
        setFailures((count) => count + 1);
        return;
      }
      setErrors({});
      setProblem(null);
      setState(initial());
      setCreated({ name: result.data.view.name, token: result.data.token });
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-5">
      {created && (
        <NewToken name={created.name} token={created.token} appUrl={appUrl} onDone={() => setCreated(null)} />
      )}
      <form
        ref={formRef}
        noValidate
        className="flex flex-col gap-5"
        data-testid="create-token-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <FormError message={problem} />
        <fieldset disabled={pending} className="flex flex-col gap-5">
          <Field
            name="name"
            label="Name"
            htmlFor="token-name"
            hint="What it is for, so you know which to revoke: ci-deploy, laptop-cli."
            errors={errors.name}
          >
            <Input
              id="token-name"
              autoComplete="off"
              maxLength={80}
              value={state.name}
              onChange={(event) => patch({ name: event.target.value })}
              {...invalidProps(errors.name, "name")}
            />
          </Field>
          <fieldset className="flex flex-col gap-2" data-field="scopes">
            <legend className="mb-2 text-sm font-medium">Scopes</legend>
            {scopes.map((scope) => (
              <div key={scope} className="flex items-center gap-2">
                <Checkbox
                  id={`scope-${scope}`}
                  checked={state.scopes.includes(scope)}
                  onCheckedChange={(checked) =>
                    patch({
                      scopes:
                        checked === true
                          ? [...state.scopes, scope]
                          : state.scopes.filter((candidate) => candidate !== scope),
                    })
                  }
                  {...invalidProps(scopeErrors.length > 0 ? scopeErrors : undefined, "scopes")}
                />
                <Label htmlFor={`scope-${scope}`} className="font-normal">
                  {SCOPE_LABELS[scope]} <code className="text-xs text-muted-foreground">{scope}</code>
                </Label>
              </div>
            ))}
            <FieldError messages={scopeErrors} name="scopes" />
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              name="expires_in_days"
              label="Expires"
              htmlFor="token-expiry"
              hint={`A token lives at most ${maxDays} days.`}
              errors={errors.expires_in_days}
            >
              <NativeSelect
                id="token-expiry"
                value={state.expiry}
                onChange={(event) => patch({ expiry: event.target.value })}
                {...invalidProps(errors.expires_in_days, "expires_in_days")}
              >
                {presets.map((days) => (
                  <option key={days} value={String(days)}>
                    In {days} {days === 1 ? "day" : "days"}
                  </option>
                ))}
                {dateRange && <option value={DATE}>On a date</option>}
              </NativeSelect>
            </Field>
            {state.expiry === DATE && dateRange && (
              <Field
                name="expires_on"
                label="Expires on"
                htmlFor="token-expires-on"
                hint="At the end of that day (UTC)."
                errors={errors.expires_on}
              >
                <Input
                  id="token-expires-on"
                  type="date"
                  min={dateRange.min}
                  max={dateRange.max}
                  value={state.date}
                  onChange={(event) => patch({ date: event.target.value })}
                  {...invalidProps(errors.expires_on, "expires_on")}
                />
              </Field>
            )}
          </div>
        </fieldset>
        <Button type="submit" className="w-fit" disabled={pending}>
          {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Plus aria-hidden />}
          Create token
        </Button>
      </form>
    </div>
  );
}
