import { MailCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Check your email" };

type Props = { searchParams: Promise<{ email?: string | string[] }> };

export default async function CheckEmailPage({ searchParams }: Props) {
  const { email } = await searchParams;
  const address = typeof email === "string" && email.length <= 254 ? email : "your inbox";
  return (
    <Card>
      <CardHeader>
        <MailCheck className="size-8 text-muted-foreground" aria-hidden />
        <CardTitle className="text-xl">Check your email</CardTitle>
        <CardDescription>
          If the address is valid, a sign-in link is on its way to <strong>{address}</strong>. It works once
          and expires in 15 minutes.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Link href="/login" className="text-sm underline underline-offset-4">
          Use a different address
        </Link>
      </CardContent>
    </Card>
  );
}
