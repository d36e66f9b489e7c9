"use client";

import { Loader2, Mail } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { fieldErrors } from "@/lib/validations/field-errors";
import { signInSchema } from "@/lib/validations/sign-in";

type Errors = Record<string, string[]>;

/** `formError` is what a native (not yet hydrated) post of this form came back with. */
export function LoginForm({ callbackUrl, formError }: { callbackUrl: string; formError?: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>(formError ? { form: [formError] } : {});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { email: String(new FormData(event.currentTarget).get("email") ?? ""), callbackUrl };
    const parsed = signInSchema.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    setPending(true);
    try {
      const response = await fetch("/api/auth/magic-link", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(parsed.data),
      });
      if (response.ok) {
        router.push(`/login/check-email?email=${encodeURIComponent(parsed.data.email)}`);
        return;
      }
      const body = await response.json().catch(() => null);
      setErrors(
        body?.error?.fields ?? { form: [body?.error?.message ?? "Something went wrong. Please try again."] },
      );
    } catch {
      setErrors({ form: ["Could not reach Spawner. Check your connection and try again."] });
    }
    setPending(false);
  }

  return (
    // method and action make it work before hydration (a click on a slow page) and without JavaScript at all.
    <form
      method="post"
      action="/api/auth/magic-link"
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4"
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {errors.form && (
        <Alert variant="destructive">
          <AlertDescription className="col-start-1 text-destructive" data-testid="form-error">
            {errors.form.join(" ")}
          </AlertDescription>
        </Alert>
      )}
      <div className="flex flex-col gap-2">
        <Label htmlFor="email">Email</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          placeholder="ada@example.com"
          aria-invalid={Boolean(errors.email)}
          aria-describedby={errors.email ? "email-error" : undefined}
          required
        />
        {errors.email && (
          <p id="email-error" className="text-sm text-destructive">
            {errors.email.join(" ")}
          </p>
        )}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Mail aria-hidden />}
        {pending ? "Sending link…" : "Email me a sign-in link"}
      </Button>
    </form>
  );
}
