import { AlertTriangle } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AccountDisabled } from "@/components/auth/account-disabled";
import { LinkProblem } from "@/components/auth/link-problem";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Sign-in problem" };

type Props = { searchParams: Promise<{ error?: string | string[] }> };

// Auth.js sends every sign-in failure here with ?error=<kind>.
export default async function AuthErrorPage({ searchParams }: Props) {
  const { error } = await searchParams;
  if (error === "Verification") return <LinkProblem />;
  // Only our signIn callback refuses (lib/auth/auth.ts): the account of this link is disabled. Whoever sees this
  // holds the mailed link, so saying so probes nothing.
  if (error === "AccessDenied") return <AccountDisabled />;
  return (
    <Card>
      <CardHeader>
        <AlertTriangle className="size-8 text-muted-foreground" aria-hidden />
        <CardTitle className="text-xl">We could not sign you in</CardTitle>
        <CardDescription>
          Something went wrong while signing in. Please ask for a new link and try again.
        </CardDescription>
      </CardHeader>
      <div>
        <Button asChild>
          <Link href="/login">Back to sign in</Link>
        </Button>
      </div>
    </Card>
  );
}
