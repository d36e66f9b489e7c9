import type { Metadata } from "next";
import { DefaultsForm } from "@/components/admin/defaults-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDefaults } from "@/lib/admin/get-defaults";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Defaults" };

export default async function AdminDefaultsPage() {
  // Layouts don't re-run on every navigation: the page checks itself.
  const user = await requireAdminOrNotFound("/admin/defaults");
  const view = await getDefaults({ actor: actorFromSessionUser(user) });
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Container defaults</h1>
        <p className="text-muted-foreground">
          Limits and images the seeded templates (dev, prod, ide) are written from, over the environment's. A
          field left empty follows the environment. Templates an admin has edited keep their own values;
          running workspaces keep theirs until re-created.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Limits and images</CardTitle>
          <CardDescription>
            Sizes as in the environment (512m, 2g); images must be on the engine.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <DefaultsForm view={view} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Network and domain</CardTitle>
          <CardDescription>Settings of the deployment, shown here only.</CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[auto_1fr]" data-testid="environment-only">
            {view.environment_only.map((setting) => (
              <div key={setting.key} className="contents">
                <dt className="font-mono text-muted-foreground">{setting.key}</dt>
                <dd>
                  <span className="font-mono">{setting.value || "(not set)"}</span>
                  <p className="text-xs text-muted-foreground">{setting.reason}</p>
                </dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}
