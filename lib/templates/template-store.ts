// Templates in the database. The seeded ones are written from the settings once per process, before first use.
import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { seededTemplateRows } from "@/lib/templates/seeded-templates";
import { type Template, templateFromRow } from "@/lib/templates/template";

const store = globalThis as unknown as { spawnerTemplatesSeeded?: Promise<void> };

/** Writes dev and prod from the settings (once per process; again after a failure). */
export function ensureSeededTemplates(): Promise<void> {
  store.spawnerTemplatesSeeded ??= (async () => {
    const db = getDb();
    for (const row of seededTemplateRows(getEnv())) {
      await db.template.upsert({ where: { name: row.name }, create: row, update: row });
    }
  })().catch((error) => {
    store.spawnerTemplatesSeeded = undefined;
    throw error;
  });
  return store.spawnerTemplatesSeeded;
}

export async function listTemplates({ enabledOnly = true } = {}): Promise<Template[]> {
  await ensureSeededTemplates();
  const rows = await getDb().template.findMany({
    where: enabledOnly ? { enabled: true } : {},
    orderBy: { name: "asc" },
  });
  return rows.map(templateFromRow);
}

/** A template people may create workspaces from; unknown or disabled ones are a 400 naming the valid ones. */
export async function findEnabledTemplate(name: string): Promise<Template> {
  const templates = await listTemplates();
  const found = templates.find((template) => template.name === name);
  if (found) return found;
  throw new AppError(
    "VALIDATION_FAILED",
    `There is no template named "${name.slice(0, 40)}". Use one of: ${templates.map((t) => t.name).join(", ")}.`,
    { fields: { template: ["Choose one of the templates."] } },
  );
}
