// Templates in the database. The seeded ones are written from the settings (and the defaults admins set over them)
// once per process before first use, and again after the defaults change; a seeded template an admin has edited
// (editedAt) is theirs from then on, and the seed leaves it alone.
import "server-only";
import { getDb } from "@/lib/db";
import { effectiveDefaults } from "@/lib/defaults/defaults-store";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { type SeedRow, seededTemplateRows } from "@/lib/templates/seeded-templates";
import { type Template, templateFromRow } from "@/lib/templates/template";
import { madeFromChanges } from "@/lib/templates/template-version";

const store = globalThis as unknown as { spawnerTemplatesSeeded?: Promise<void> };

async function writeSeed(row: SeedRow): Promise<void> {
  const db = getDb();
  const existing = await db.template.findUnique({ where: { name: row.name } });
  if (!existing) {
    // Another process may write it first: then this is an update of nothing.
    await db.template.upsert({ where: { name: row.name }, create: row, update: {} });
    return;
  }
  if (existing.editedAt) return;
  // Enabled is the admins' to change, never the seed's.
  const { enabled: _enabled, ...update } = row;
  const bump = madeFromChanges(existing, row).length > 0;
  // Only while still unedited: an admin's edit a moment ago wins.
  await db.template.updateMany({
    where: { id: existing.id, editedAt: null },
    data: { ...update, ...(bump ? { version: { increment: 1 } } : {}) },
  });
}

async function seed(): Promise<void> {
  const settings = { ...getEnv(), ...(await effectiveDefaults()) };
  for (const row of seededTemplateRows(settings)) await writeSeed(row);
}

/** Writes dev, prod and ide from the settings (once per process; again after a failure). */
export function ensureSeededTemplates(): Promise<void> {
  store.spawnerTemplatesSeeded ??= seed().catch((error) => {
    store.spawnerTemplatesSeeded = undefined;
    throw error;
  });
  return store.spawnerTemplatesSeeded;
}

/** Writes the seeded templates again now (the defaults changed), after any seed still under way. */
export function reseedTemplates(): Promise<void> {
  const previous = store.spawnerTemplatesSeeded ?? Promise.resolve();
  const next: Promise<void> = previous
    .catch(() => {})
    .then(seed)
    .catch((error) => {
      if (store.spawnerTemplatesSeeded === next) store.spawnerTemplatesSeeded = undefined;
      throw error;
    });
  store.spawnerTemplatesSeeded = next;
  return next;
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
