import { LogIn } from "lucide-react";
import type { Metadata } from "next";
import { LinkProblem } from "@/components/auth/link-problem";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { checkMagicLink } from "@/lib/auth/check-magic-link";

export const metadata: Metadata = { title: "Confirm sign-in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

// Opening the link only shows this page; the token is spent by the button's POST, so mail scanners can't burn it.
export default async function ConfirmPage({ searchParams }: Props) {
  const params = await searchParams;
  const email = one(params.email);
  const token = one(params.token);
  if ((await checkMagicLink({ email, token })) === "invalid") return <LinkProblem />;
  const action = `/api/auth/callback/nodemailer?${new URLSearchParams({ token, email, callbackUrl: one(params.callbackUrl) || "/dashboard" })}`;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">Sign in as {email}</CardTitle>
        <CardDescription>Confirm that it is you to finish signing in to Spawner.</CardDescription>
      </CardHeader>
      <CardContent>
        <form method="post" action={action}>
          <Button type="submit" className="w-full">
            <LogIn aria-hidden /> Sign in as {email}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
