// The templates written at start from the settings (USER_TEMPLATE_* and CONTAINER_*, with the defaults admins set in
// the app over them): the seed's dev and prod, and the browser IDE. Each follows the settings until an admin edits
// it (lib/templates/template-store.ts). Pure: the rows to write.
import type { Env } from "@/lib/env";
import type { TemplateRow } from "@/lib/templates/template";

/** The two slots every user has: the workspaces named dev and prod, from the templates of those names. */
export const SLOT_NAMES = ["dev", "prod"] as const;
export type SlotName = (typeof SLOT_NAMES)[number];

export function isSlotName(value: unknown): value is SlotName {
  return typeof value === "string" && (SLOT_NAMES as readonly string[]).includes(value);
}

export type SeedSettings = Pick<
  Env,
  | "USER_TEMPLATE_IMAGE_DEV"
  | "USER_TEMPLATE_IMAGE_PROD"
  | "USER_TEMPLATE_PORT_DEV"
  | "USER_TEMPLATE_PORT_PROD"
  | "USER_TEMPLATE_IMAGE_IDE"
  | "CONTAINER_MEMORY"
  | "CONTAINER_CPUS"
  | "CONTAINER_PIDS_LIMIT"
  | "CONTAINER_MAX_MEMORY"
  | "CONTAINER_MAX_CPUS"
  | "CONTAINER_MAX_PIDS_LIMIT"
  | "IDLE_TIMEOUT"
>;

const MB = 1024 * 1024;

export const SEEDED_NAMES = ["dev", "prod", "ide"] as const;

/** A seeded row: everything but what the database keeps (id, version). */
export type SeedRow = Omit<TemplateRow, "id" | "version">;

export function seededTemplateRows(env: SeedSettings): SeedRow[] {
  const limits = {
    defaultMemoryMb: Math.round(env.CONTAINER_MEMORY / MB),
    maxMemoryMb: Math.max(Math.round(env.CONTAINER_MAX_MEMORY / MB), Math.round(env.CONTAINER_MEMORY / MB)),
    defaultCpus: env.CONTAINER_CPUS,
    maxCpus: Math.max(env.CONTAINER_MAX_CPUS, env.CONTAINER_CPUS),
    defaultPids: env.CONTAINER_PIDS_LIMIT,
    maxPids: Math.max(env.CONTAINER_MAX_PIDS_LIMIT, env.CONTAINER_PIDS_LIMIT),
    dataPath: "/workspace",
    enabled: true,
    idleSeconds: env.IDLE_TIMEOUT,
    maxLifetimeSeconds: 0,
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
      // "Always-on": a service is not stopped for having no visitors (an admin may give it a timeout).
      idleSeconds: 0,
    },
    {
      name: "ide",
      displayName: "Browser IDE",
      description:
        "VS Code in the browser with your repository and a terminal; what you run on port 3000 opens too.",
      image: env.USER_TEMPLATE_IMAGE_IDE,
      // code-server: ready once its health check answers; the second app is the user's own, started by them.
      apps: JSON.stringify([
        { name: "ide", port: 8080, primary: true, healthPath: "/healthz" },
        { name: "app", port: 3000, primary: false },
      ]),
      ...limits,
      // An editor with a terminal and extensions needs more than a small service (about 500 MiB in use).
      defaultMemoryMb: Math.max(limits.defaultMemoryMb, 1024),
      maxMemoryMb: Math.max(limits.maxMemoryMb, 1024),
      defaultPids: Math.max(limits.defaultPids, 512),
      maxPids: Math.max(limits.maxPids, 512),
    },
  ];
}
