// A workspace's stored settings (no secrets): its repository, environment and limits. Read tolerantly: a row
// written by an older version still loads, with what it lacks at the defaults.
import { z } from "zod";
import type { LimitValues, Template } from "@/lib/templates/template";

const storedSchema = z.object({
  git: z
    .object({
      url: z.string(),
      branch: z.string().nullable().default(null),
      username: z.string().nullable().default(null),
    })
    .nullable()
    .default(null),
  env: z.array(z.object({ key: z.string(), value: z.string() })).default([]),
  limits: z
    .object({ memoryMb: z.number().optional(), cpus: z.number().optional(), pids: z.number().optional() })
    .default({}),
  /** Its own idle timeout, within the template's (unset: the template's). */
  idleSeconds: z.number().int().min(0).optional(),
});

export type WorkspaceSettings = z.infer<typeof storedSchema>;

export const EMPTY_SETTINGS: WorkspaceSettings = { git: null, env: [], limits: {} };

export function parseSettings(json: string): WorkspaceSettings {
  try {
    return storedSchema.parse(JSON.parse(json));
  } catch {
    return EMPTY_SETTINGS;
  }
}

export function serializeSettings(settings: WorkspaceSettings): string {
  return JSON.stringify(settings);
}

/** The limits a workspace runs with: its own where set, the template's defaults elsewhere. */
export function effectiveLimits(
  settings: WorkspaceSettings,
  template: Pick<Template, "defaults">,
): LimitValues {
  return {
    memoryMb: settings.limits.memoryMb ?? template.defaults.memoryMb,
    cpus: settings.limits.cpus ?? template.defaults.cpus,
    pids: settings.limits.pids ?? template.defaults.pids,
  };
}

/** Field errors for limits beyond the template's maxima (keys as the form names them). */
export function limitErrors(limits: WorkspaceSettings["limits"], template: Pick<Template, "maxima">) {
  const errors: Record<string, string[]> = {};
  const { maxima } = template;
  if (limits.memoryMb !== undefined && limits.memoryMb > maxima.memoryMb)
    errors["limits.memory_mb"] = [`This template allows at most ${maxima.memoryMb} MB.`];
  if (limits.cpus !== undefined && limits.cpus > maxima.cpus)
    errors["limits.cpus"] = [`This template allows at most ${maxima.cpus} CPUs.`];
  if (limits.pids !== undefined && limits.pids > maxima.pids)
    errors["limits.pids"] = [`This template allows at most ${maxima.pids} processes.`];
  return errors;
}

/**
 * How long it may go without activity before it is stopped (0: never). Its own choice within the template's: no
 * longer than the template's, and "never" only where the template says never.
 */
export function effectiveIdleSeconds(
  settings: Pick<WorkspaceSettings, "idleSeconds">,
  template: Pick<Template, "idleSeconds">,
): number {
  const own = settings.idleSeconds;
  if (own === undefined) return template.idleSeconds;
  if (template.idleSeconds === 0) return own;
  return own === 0 ? template.idleSeconds : Math.min(own, template.idleSeconds);
}

/** The field error for an idle timeout beyond the template's (key as the form names it), or none. */
export function idleErrors(idleSeconds: number | undefined, template: Pick<Template, "idleSeconds">) {
  if (idleSeconds === undefined || template.idleSeconds === 0) return {};
  if (idleSeconds === 0 || idleSeconds > template.idleSeconds)
    return {
      idle_timeout_minutes: [
        `This template stops idle workspaces after at most ${formatMinutes(template.idleSeconds)}.`,
      ],
    };
  return {};
}

/** "30 minutes", "1 minute", "45 seconds": how a timeout reads in a sentence. */
export function formatMinutes(seconds: number): string {
  if (seconds % 60 !== 0) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = seconds / 60;
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
