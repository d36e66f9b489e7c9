import { LinkIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** The one page for a link that can't sign anyone in: used, expired, or mangled. */
export function LinkProblem() {
  return (
    <Card data-testid="link-problem">
      <CardHeader>
        <LinkIcon className="size-8 text-muted-foreground" aria-hidden />
        <CardTitle className="text-xl">This sign-in link no longer works</CardTitle>
        <CardDescription>
          Sign-in links work once and expire after 15 minutes. This one was already used, has expired, or is
          incomplete. Ask for a new one below.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Button asChild>
          <Link href="/login">Get a new sign-in link</Link>
        </Button>
      </CardContent>
    </Card>
  );
}
