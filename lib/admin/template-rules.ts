// What a template's fields need beyond their schema: its image present on the engine, its name free. Reported on
// the fields, as the schema's own errors are. And the row a template input is stored as.
import "server-only";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { volumeColumns } from "@/lib/templates/template-volume";
import type { TemplateInput } from "@/lib/validations/template";

export async function assertImagePresent(image: string): Promise<void> {
  if (await getRuntime().imageExists(image)) return;
  throw new AppError("VALIDATION_FAILED", `The image "${image}" is not on this server's container engine.`, {
    fields: {
      image: [`"${image}" is not on this server's container engine: build or pull it there first.`],
    },
  });
}

export function templateNameTaken(name: string): AppError {
  return new AppError("NAME_TAKEN", `There is already a template named "${name}".`, {
    fields: { name: ["There is already a template with this name."] },
  });
}

/** The columns of a template input (the apps as the app reads them: healthPath, one primary). */
export function templateColumns(input: Omit<TemplateInput, "name">) {
  return {
    displayName: input.display_name,
    description: input.description,
    image: input.image,
    apps: JSON.stringify(
      input.apps.map((app) => ({
        name: app.name,
        port: app.port,
        primary: app.primary,
        ...(app.health_path ? { healthPath: app.health_path } : {}),
      })),
    ),
    defaultMemoryMb: input.limits.default.memory_mb,
    maxMemoryMb: input.limits.max.memory_mb,
    defaultCpus: input.limits.default.cpus,
    maxCpus: input.limits.max.cpus,
    defaultPids: input.limits.default.pids,
    maxPids: input.limits.max.pids,
    dataPath: input.data_path,
    ...volumeColumns(input.volume),
    // Minutes on the wire; the culler counts seconds (a seeded template's may be no whole minute: IDLE_TIMEOUT=90s).
    idleSeconds: Math.round(input.idle_timeout_minutes * 60),
    maxLifetimeSeconds: Math.round(input.max_lifetime_minutes * 60),
  };
}
