import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { loginFormError } from "@/lib/auth/login-form-errors";
import { currentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const raw = params.callbackUrl;
  const callbackUrl = safeCallbackPath(typeof raw === "string" ? raw : undefined, getEnv().APP_URL);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">Sign in to Spawner</CardTitle>
        <CardDescription>We will email you a link that signs you in. No password needed.</CardDescription>
      </CardHeader>
      <CardContent>
        <LoginForm
          callbackUrl={callbackUrl}
          formError={loginFormError(typeof params.error === "string" ? params.error : undefined)}
        />
      </CardContent>
    </Card>
  );
}
