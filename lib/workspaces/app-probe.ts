// Where the app reaches one of a workload's apps to see that it answers: its health path where it has one (on the
// probe's own origin, whatever the path spells: "//host/x" would be another host), else its root.
import { type IngressSettings, probeUrl } from "@/lib/ingress/ingress";
import type { Workload } from "@/lib/runtime/runtime";
import type { TemplateApp } from "@/lib/templates/template";

export function appProbeUrl(
  env: Pick<IngressSettings, "INGRESS">,
  workload: Pick<Workload, "endpoints">,
  app: Pick<TemplateApp, "port" | "healthPath">,
): string | null {
  const probe = probeUrl(env, workload, app.port);
  if (!probe || !app.healthPath) return probe;
  return `${new URL(probe).origin}/${app.healthPath.replace(/^\/+/, "")}`;
}
