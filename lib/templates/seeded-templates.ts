// The seed's dev and prod templates, from today's settings (USER_TEMPLATE_* and CONTAINER_*), which stay the way to
// set them until admins edit templates. Pure: the rows to write.
import type { Env } from "@/lib/env";
import type { TemplateRow } from "@/lib/templates/template";

/** The two slots every user has: the workspaces named dev and prod, from the templates of those names. */
export const SLOT_NAMES = ["dev", "prod"] as const;
export type SlotName = (typeof SLOT_NAMES)[number];

export function isSlotName(value: unknown): value is SlotName {
  return typeof value === "string" && (SLOT_NAMES as readonly string[]).includes(value);
}

type SeedSettings = Pick<
  Env,
  | "USER_TEMPLATE_IMAGE_DEV"
  | "USER_TEMPLATE_IMAGE_PROD"
  | "USER_TEMPLATE_PORT_DEV"
  | "USER_TEMPLATE_PORT_PROD"
  | "CONTAINER_MEMORY"
  | "CONTAINER_CPUS"
  | "CONTAINER_PIDS_LIMIT"
  | "CONTAINER_MAX_MEMORY"
  | "CONTAINER_MAX_CPUS"
  | "CONTAINER_MAX_PIDS_LIMIT"
>;

const MB = 1024 * 1024;

export function seededTemplateRows(env: SeedSettings): Omit<TemplateRow, "id">[] {
  const limits = {
    defaultMemoryMb: Math.round(env.CONTAINER_MEMORY / MB),
    maxMemoryMb: Math.max(Math.round(env.CONTAINER_MAX_MEMORY / MB), Math.round(env.CONTAINER_MEMORY / MB)),
    defaultCpus: env.CONTAINER_CPUS,
    maxCpus: Math.max(env.CONTAINER_MAX_CPUS, env.CONTAINER_CPUS),
    defaultPids: env.CONTAINER_PIDS_LIMIT,
    maxPids: Math.max(env.CONTAINER_MAX_PIDS_LIMIT, env.CONTAINER_PIDS_LIMIT),
    dataPath: "/workspace",
    enabled: true,
  };
  const apps = (port: number) => JSON.stringify([{ name: "web", port, primary: true }]);
  return [
    {
      name: "dev",
      displayName: "Development",
      description: "A workspace to try things out. Restart or rebuild it whenever you like.",
      image: env.USER_TEMPLATE_IMAGE_DEV,
      apps: apps(env.USER_TEMPLATE_PORT_DEV),
      ...limits,
    },
    {
      name: "prod",
      displayName: "Production",
      description: "Your always-on service, built from the production template.",
      image: env.USER_TEMPLATE_IMAGE_PROD,
      apps: apps(env.USER_TEMPLATE_PORT_PROD),
      ...limits,
    },
  ];
}
