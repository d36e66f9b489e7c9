import type { Metadata } from "next";
import { revokeUserTokenAction } from "@/app/admin/actions/revoke-user-token";
import { TokenTable } from "@/components/tokens/token-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";
import { listAllTokens } from "@/lib/tokens/list-tokens";

export const metadata: Metadata = { title: "API tokens" };

// Every account's API tokens with their owner and last use; an admin may revoke any of them.
export default async function AdminTokensPage() {
  const admin = await requireAdminOrNotFound("/admin/tokens");
  const tokens = await listAllTokens({ actor: actorFromSessionUser(admin) });
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">API tokens</CardTitle>
        <CardDescription>
          {tokens.length} {tokens.length === 1 ? "token" : "tokens"}, newest first (at most 1,000 shown).
          Revoking one refuses it at once; its owner sees it as revoked.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <TokenTable tokens={tokens} revoke={revokeUserTokenAction} showOwner />
      </CardContent>
    </Card>
  );
}
