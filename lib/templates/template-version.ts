// What a workload is made from: its image, its apps (ports, routes, health paths), where its data is mounted and the
// driver its volume is made with. A change of any of them bumps the template's version; limits, names and
// descriptions do not (a running workload keeps its own until it is re-created anyway). Pure.
import { appsFromJson, type TemplateApp } from "@/lib/templates/template";
import { type VolumeColumns, volumeColumns, volumeFromColumns } from "@/lib/templates/template-volume";

export type MadeFrom = VolumeColumns & { image: string; apps: string | TemplateApp[]; dataPath: string };
type Part = "image" | "apps" | "dataPath" | "volume";

const appsOf = (apps: MadeFrom["apps"]): TemplateApp[] =>
  typeof apps === "string" ? appsFromJson(apps) : apps;

// Compared as the app reads them, so a JSON spelling (key order, a default written out) is no change.
const canonical = (apps: TemplateApp[]) =>
  JSON.stringify(apps.map((app) => [app.name, app.port, app.primary, app.healthPath ?? null] as const));

// Compared as stored by the app (sorted keys, null for the local default), so a seed row without the columns is no
// change of a local template.
const volumeOf = (row: VolumeColumns) => JSON.stringify(volumeColumns(volumeFromColumns(row)));

/** The fields (of image, apps, dataPath, volume) that differ: any of them means a new version. */
export function madeFromChanges(before: MadeFrom, after: MadeFrom): Part[] {
  const changed: Part[] = [];
  if (before.image !== after.image) changed.push("image");
  if (canonical(appsOf(before.apps)) !== canonical(appsOf(after.apps))) changed.push("apps");
  if (before.dataPath !== after.dataPath) changed.push("dataPath");
  if (volumeOf(before) !== volumeOf(after)) changed.push("volume");
  return changed;
}
