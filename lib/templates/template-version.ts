// What a workload is made from: its image, its apps (ports, routes, health paths) and where its data is mounted. A
// change of any of them bumps the template's version; limits, names and descriptions do not (a running workload
// keeps its own until it is re-created anyway). Pure.
import { appsFromJson, type TemplateApp } from "@/lib/templates/template";

export type MadeFrom = { image: string; apps: string | TemplateApp[]; dataPath: string };

const appsOf = (apps: MadeFrom["apps"]): TemplateApp[] =>
  typeof apps === "string" ? appsFromJson(apps) : apps;

// Compared as the app reads them, so a JSON spelling (key order, a default written out) is no change.
const canonical = (apps: TemplateApp[]) =>
  JSON.stringify(apps.map((app) => [app.name, app.port, app.primary, app.healthPath ?? null] as const));

/** The fields (of image, apps, dataPath) that differ: any of them means a new version. */
export function madeFromChanges(before: MadeFrom, after: MadeFrom): ("image" | "apps" | "dataPath")[] {
  const changed: ("image" | "apps" | "dataPath")[] = [];
  if (before.image !== after.image) changed.push("image");
  if (canonical(appsOf(before.apps)) !== canonical(appsOf(after.apps))) changed.push("apps");
  if (before.dataPath !== after.dataPath) changed.push("dataPath");
  return changed;
}
