// A workspace's workload keeps what it was made from until it is re-created: an admin's edit of its template
// (new apps, new ports) changes no running workspace, so its routes, forward-auth and links read the apps its
// workload was made from (Workspace.apps), and only a re-creation takes the template's current ones.
import { appsFromJson, type Template, type TemplateApp } from "@/lib/templates/template";

export function appsMadeFrom(workspace: { apps: string | null }, current: TemplateApp[]): TemplateApp[] {
  return workspace.apps ? appsFromJson(workspace.apps) : current;
}

/** The template as the workspace's existing workload was made from it (apps); the current one otherwise. */
export function asMadeFrom(template: Template, workspace: { apps: string | null }): Template {
  return { ...template, apps: appsMadeFrom(workspace, template.apps) };
}
