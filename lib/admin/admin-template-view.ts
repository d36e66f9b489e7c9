// A template as the admin area and GET /api/v1/admin/templates show it: everything it is made of, whether its
// image is on the engine, whether it still follows the settings, and how many workspaces use it (and how many
// of those run an older version of it). Wire names snake_case.

import type { Template } from "@/lib/templates/template";
import type { TemplateInput } from "@/lib/validations/template";

export type AdminTemplateView = {
  id: string;
  name: string;
  display_name: string;
  description: string;
  image: string;
  /** null: the engine could not be asked. */
  image_present: boolean | null;
  apps: { name: string; port: number; primary: boolean; health_path: string | null }[];
  limits: TemplateInput["limits"];
  data_path: string;
  /** The driver new data volumes are made with ({volume} in an option: the workspace's volume name). */
  volume: { driver: string; options: Record<string, string>; shared: boolean };
  /** Idle workspaces are stopped after this long (0: never); a seeded one follows IDLE_TIMEOUT, maybe no whole minute. */
  idle_timeout_minutes: number;
  /** Running workspaces are stopped this long after they started (0: no limit). */
  max_lifetime_minutes: number;
  enabled: boolean;
  version: number;
  /** A seeded template (dev, prod, ide) nobody has edited: written from the settings and the defaults. */
  follows_settings: boolean;
  edited_at: string | null;
  workspaces: number;
  /** Workspaces whose workload was made from an older version ("update available"). */
  outdated: number;
};

const limitsOf = (values: Template["defaults"]) => ({
  memory_mb: values.memoryMb,
  cpus: values.cpus,
  pids: values.pids,
});

/** The template as the form and the API spell it (what an edit starts from). */
export function templateInputOf(template: Template): TemplateInput {
  return {
    name: template.name,
    display_name: template.displayName,
    description: template.description,
    image: template.image,
    apps: template.apps.map((app) => ({
      name: app.name,
      port: app.port,
      primary: app.primary,
      health_path: app.healthPath,
    })),
    limits: { default: limitsOf(template.defaults), max: limitsOf(template.maxima) },
    data_path: template.dataPath,
    volume: {
      driver: template.volume.driver,
      options: template.volume.options,
      shared: template.volume.shared,
    },
    idle_timeout_minutes: template.idleSeconds / 60,
    max_lifetime_minutes: template.maxLifetimeSeconds / 60,
  };
}

export function adminTemplateView(
  template: Template,
  facts: {
    editedAt: Date | null;
    seeded: boolean;
    imagePresent: boolean | null;
    workspaces: number;
    outdated: number;
  },
): AdminTemplateView {
  const input = templateInputOf(template);
  return {
    id: template.id,
    ...input,
    apps: input.apps.map((app) => ({
      ...app,
      primary: app.primary ?? false,
      health_path: app.health_path ?? null,
    })),
    image_present: facts.imagePresent,
    enabled: template.enabled,
    version: template.version,
    follows_settings: facts.seeded && facts.editedAt === null,
    edited_at: facts.editedAt?.toISOString() ?? null,
    workspaces: facts.workspaces,
    outdated: facts.outdated,
  };
}
