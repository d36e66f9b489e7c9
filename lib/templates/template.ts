// A template as the app uses it: image, apps (named ports, one primary), default and maximum limits, data path and
// the data volume's driver.
import { z } from "zod";
import { type TemplateVolume, type VolumeColumns, volumeFromColumns } from "@/lib/templates/template-volume";

export type LimitValues = { memoryMb: number; cpus: number; pids: number };

export const appSchema = z.object({
  // A DNS label of at most 16 without "--": it starts a workspace app's host label (lib/ingress/workspace-host.ts).
  name: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,14}[a-z0-9])?$/)
    .refine((name) => !name.includes("--"))
    // Nor two characters: "ui--ada-dev" has "--" in the 3rd and 4th places, a reserved (R-LDH) form for which
    // Let's Encrypt issues no certificate.
    .refine((name) => name.length !== 2),
  port: z.number().int().min(1).max(65535),
  primary: z.boolean().default(false),
  healthPath: z
    .string()
    .startsWith("/")
    .max(200)
    .refine((path) => !path.startsWith("//"))
    .optional(),
});
export type TemplateApp = z.infer<typeof appSchema>;

// One primary app: the first marked so, else the first.
export const appsSchema = z
  .array(appSchema)
  .min(1)
  .max(8)
  .transform((apps) => {
    const primary = apps.findIndex((app) => app.primary);
    return apps.map((app, index) => ({ ...app, primary: index === Math.max(primary, 0) }));
  });

export type Template = {
  id: string;
  name: string;
  displayName: string;
  description: string;
  image: string;
  apps: TemplateApp[];
  defaults: LimitValues;
  maxima: LimitValues;
  dataPath: string;
  /** The driver new data volumes are made with (lib/templates/template-volume.ts). */
  volume: TemplateVolume & { unreadable?: true };
  enabled: boolean;
  /** Bumped by every change of what a workload is made from (image, apps, data path, volume). */
  version: number;
  /** Stopped after this long without activity (0: never); a workspace may choose shorter. */
  idleSeconds: number;
  /** Stopped this long after it started, active or not (0: no limit). */
  maxLifetimeSeconds: number;
};

export type TemplateRow = VolumeColumns & {
  id: string;
  name: string;
  displayName: string;
  description: string;
  image: string;
  apps: string;
  defaultMemoryMb: number;
  maxMemoryMb: number;
  defaultCpus: number;
  maxCpus: number;
  defaultPids: number;
  maxPids: number;
  dataPath: string;
  enabled: boolean;
  /** The database's (1 for rows built in memory, as tests and the bench do). */
  version?: number;
  /** The database's (30 minutes and none for rows built in memory). */
  idleSeconds?: number;
  maxLifetimeSeconds?: number;
};

export const DEFAULT_IDLE_SECONDS = 30 * 60;

/** The apps column as the app reads it. */
export function appsFromJson(raw: string): TemplateApp[] {
  try {
    return appsSchema.parse(JSON.parse(raw));
  } catch {
    // A broken apps column must not take the dashboard down: the template still lists, its launch says why.
    return [{ name: "web", port: 8080, primary: true }];
  }
}

export function templateFromRow(row: TemplateRow): Template {
  const apps = appsFromJson(row.apps);
  return {
    id: row.id,
    name: row.name,
    displayName: row.displayName,
    description: row.description,
    image: row.image,
    apps,
    defaults: { memoryMb: row.defaultMemoryMb, cpus: row.defaultCpus, pids: row.defaultPids },
    maxima: { memoryMb: row.maxMemoryMb, cpus: row.maxCpus, pids: row.maxPids },
    dataPath: row.dataPath,
    volume: volumeFromColumns(row),
    enabled: row.enabled,
    version: row.version ?? 1,
    idleSeconds: row.idleSeconds ?? DEFAULT_IDLE_SECONDS,
    maxLifetimeSeconds: row.maxLifetimeSeconds ?? 0,
  };
}

export function primaryApp(template: Pick<Template, "apps">): TemplateApp {
  const app = template.apps.find((candidate) => candidate.primary) ?? template.apps[0];
  if (!app) throw new Error("a template has at least one app");
  return app;
}
