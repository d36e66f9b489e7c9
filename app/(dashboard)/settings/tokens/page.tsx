import type { Metadata } from "next";
import { revokeTokenAction } from "@/app/(dashboard)/actions/revoke-token";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokenTable } from "@/components/tokens/token-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { listTokens } from "@/lib/tokens/list-tokens";
import { dateChoiceRange, expiryPresets, scopesAllowed } from "@/lib/tokens/token-rules";
import { EXPIRY_CHOICES } from "@/lib/validations/token";

export const metadata: Metadata = { title: "API tokens" };

// Settings → API tokens: make one (shown once), see your own with their last use, revoke them.
export default async function TokensPage() {
  // Layouts don't re-run on every navigation, so the page checks identity itself too.
  const user = await requireUserOrRedirect("/settings/tokens");
  const tokens = await listTokens({ actor: actorFromSessionUser(user) });
  const env = getEnv();
  const maxDays = env.API_TOKEN_MAX_DAYS;
  const range = dateChoiceRange(maxDays, new Date());
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
        <p className="text-muted-foreground">
          For scripts and CI: a token acts as you, limited to its scopes, until it expires or you revoke it.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>New token</CardTitle>
          <CardDescription>
            Give it only the scopes it needs and the shortest life that works.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CreateTokenForm
            scopes={scopesAllowed(user.role)}
            presets={expiryPresets(EXPIRY_CHOICES, maxDays)}
            dateRange={range.min <= range.max ? range : null}
            maxDays={maxDays}
            appUrl={env.APP_URL.replace(/\/+$/, "")}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Your tokens</CardTitle>
          <CardDescription>
            Newest first. Only the start of each is kept in clear, to tell them apart.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <TokenTable tokens={tokens} revoke={revokeTokenAction} />
        </CardContent>
      </Card>
    </div>
  );
}
