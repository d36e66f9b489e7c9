// Use case: the enabled templates as people and API clients see them (wire names snake_case).
import "server-only";
import { listTemplates } from "@/lib/templates/template-store";

export type TemplateView = {
  name: string;
  display_name: string;
  description: string;
  apps: { name: string; port: number; primary: boolean }[];
  data_path: string;
  limits: {
    default: { memory_mb: number; cpus: number; pids: number };
    max: { memory_mb: number; cpus: number; pids: number };
  };
  /** Its workspaces stop after this many minutes without activity (0: never); the most one may choose. */
  idle_timeout_minutes: number;
  /** They stop this many minutes after they started, active or not (0: no limit). */
  max_lifetime_minutes: number;
};

const wire = (limits: { memoryMb: number; cpus: number; pids: number }) => ({
  memory_mb: limits.memoryMb,
  cpus: limits.cpus,
  pids: limits.pids,
});

export async function listTemplateViews(): Promise<TemplateView[]> {
  return (await listTemplates()).map((template) => ({
    name: template.name,
    display_name: template.displayName,
    description: template.description,
    apps: template.apps.map(({ name, port, primary }) => ({ name, port, primary })),
    data_path: template.dataPath,
    limits: { default: wire(template.defaults), max: wire(template.maxima) },
    idle_timeout_minutes: template.idleSeconds / 60,
    max_lifetime_minutes: template.maxLifetimeSeconds / 60,
  }));
}
