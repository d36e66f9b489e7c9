import { UserX } from "lucide-react";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** A sign-in refused because an administrator disabled the account. */
export function AccountDisabled() {
  return (
    <Card data-testid="account-disabled">
      <CardHeader>
        <UserX className="size-8 text-muted-foreground" aria-hidden />
        <CardTitle className="text-xl">This account is disabled</CardTitle>
        <CardDescription>
          An administrator has disabled this account, so it can't sign in. Ask them to enable it again.
        </CardDescription>
      </CardHeader>
    </Card>
  );
}
