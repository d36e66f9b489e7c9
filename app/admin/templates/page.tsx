import type { Metadata } from "next";
import { TemplateDialog } from "@/components/admin/templates/template-dialog";
import { TemplateEnabledButton } from "@/components/admin/templates/template-enabled-button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { AdminTemplateView } from "@/lib/admin/admin-template-view";
import { listAdminTemplates } from "@/lib/admin/list-admin-templates";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { isSlotName } from "@/lib/templates/seeded-templates";
import { formatMinutes } from "@/lib/workspaces/settings";

export const metadata: Metadata = { title: "Templates" };

const limits = (values: AdminTemplateView["limits"]["default"]) =>
  `${values.memory_mb} MiB · ${values.cpus} CPU · ${values.pids} processes`;

/** Minutes as a sentence says them (a seeded template's may be seconds: IDLE_TIMEOUT=90s). */
const minutes = (value: number, zero: string) => (value === 0 ? zero : formatMinutes(Math.round(value * 60)));

// "local" alone for the default; the options as name=value, the way the form takes them (values may hold commas).
function volumeText({ driver, options, shared }: AdminTemplateView["volume"]): string {
  const pairs = Object.entries(options).map(([key, value]) => `${key}=${value}`);
  return `${driver}${pairs.length > 0 ? ` (${pairs.join("; ")})` : ""}${shared ? ", shared" : ""}`;
}

function ImageState({ present }: { present: boolean | null }) {
  if (present === null) return <Badge variant="secondary">engine unreachable</Badge>;
  return present ? (
    <Badge variant="success">present</Badge>
  ) : (
    <Badge variant="destructive" data-testid="image-missing">
      missing on the engine
    </Badge>
  );
}

function TemplateCard({ template }: { template: AdminTemplateView }) {
  return (
    <Card data-testid={`template-${template.name}`}>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1.5">
          <CardTitle className="flex flex-wrap items-center gap-2">
            {template.display_name}
            <span className="font-mono text-sm font-normal text-muted-foreground">{template.name}</span>
            {template.enabled ? (
              <Badge variant="success">enabled</Badge>
            ) : (
              <Badge variant="warning">disabled</Badge>
            )}
            <Badge variant="outline">version {template.version}</Badge>
            {template.follows_settings && <Badge variant="secondary">follows the settings</Badge>}
          </CardTitle>
          <CardDescription>{template.description || "No description."}</CardDescription>
        </div>
        <div className="flex items-center gap-2">
          <TemplateDialog template={template} />
          <TemplateEnabledButton
            id={template.id}
            name={template.name}
            enabled={template.enabled}
            fixed={isSlotName(template.name)}
          />
        </div>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-muted-foreground">Image</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <span className="font-mono break-all">{template.image}</span>
            <ImageState present={template.image_present} />
          </dd>
          <dt className="text-muted-foreground">Apps</dt>
          <dd>
            {template.apps
              .map(
                (app) =>
                  `${app.name}:${app.port}${app.primary ? " (primary)" : ""}${app.health_path ? ` health ${app.health_path}` : ""}`,
              )
              .join(", ")}
          </dd>
          <dt className="text-muted-foreground">Default limits</dt>
          <dd>{limits(template.limits.default)}</dd>
          <dt className="text-muted-foreground">Maximum limits</dt>
          <dd>{limits(template.limits.max)}</dd>
          <dt className="text-muted-foreground">Data path</dt>
          <dd className="font-mono">{template.data_path}</dd>
          <dt className="text-muted-foreground">Data volume</dt>
          <dd data-testid="template-volume">{volumeText(template.volume)}</dd>
          <dt className="text-muted-foreground">Idle timeout</dt>
          <dd data-testid="template-idle">
            {minutes(template.idle_timeout_minutes, "never (idle workspaces keep running)")}
          </dd>
          <dt className="text-muted-foreground">Maximum lifetime</dt>
          <dd data-testid="template-lifetime">{minutes(template.max_lifetime_minutes, "none")}</dd>
          <dt className="text-muted-foreground">Workspaces</dt>
          <dd data-testid="template-use">
            {template.workspaces} using it
            {template.outdated > 0 && `, ${template.outdated} on an older version (update available)`}
          </dd>
        </dl>
      </CardContent>
    </Card>
  );
}

export default async function AdminTemplatesPage() {
  // Layouts don't re-run on every navigation: the page checks itself.
  const user = await requireAdminOrNotFound("/admin/templates");
  let templates: AdminTemplateView[] = [];
  let problem: string | null = null;
  try {
    templates = await listAdminTemplates({ actor: actorFromSessionUser(user) });
  } catch (error) {
    problem =
      error instanceof AppError ? error.message : "The templates could not be loaded. Reload the page.";
  }
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Templates</h1>
          <p className="text-muted-foreground">
            What workspaces are made from. Editing one changes no running workspace; dev, prod and ide follow
            the settings and the defaults until edited here.
          </p>
        </div>
        <TemplateDialog />
      </div>
      {problem ? (
        <Alert variant="destructive">
          <AlertTitle className="col-start-1">Templates unavailable</AlertTitle>
          <AlertDescription className="col-start-1">{problem}</AlertDescription>
        </Alert>
      ) : (
        templates.map((template) => <TemplateCard key={template.id} template={template} />)
      )}
    </div>
  );
}
