// The stored container defaults (PlatformSetting "defaults") and the settings the seeded templates are written from:
// the environment's, with the stored ones over them. A stored value is checked again on every read; one that no
// longer passes (an older schema) is logged once and ignored, never half applied.
import "server-only";
import { getDb } from "@/lib/db";
import {
  DEFAULT_KEYS,
  type DefaultsOverride,
  type DefaultsSettings,
  mergeDefaults,
  parseDefaultsOverride,
} from "@/lib/defaults/defaults";
import { getEnv } from "@/lib/env";

export const DEFAULTS_KEY = "defaults";

const logged = globalThis as unknown as { spawnerBadDefaults?: string };

export async function readDefaultsOverride(): Promise<DefaultsOverride> {
  const row = await getDb().platformSetting.findUnique({ where: { key: DEFAULTS_KEY } });
  if (!row) return {};
  let value: unknown;
  try {
    value = JSON.parse(row.value);
  } catch {
    value = null;
  }
  const parsed = parseDefaultsOverride(value);
  if (parsed.ok) return parsed.override;
  if (logged.spawnerBadDefaults !== row.value) {
    logged.spawnerBadDefaults = row.value;
    console.error(
      `[defaults] the stored container defaults are not valid (${Object.keys(parsed.fields).join(", ")}): using the environment's`,
    );
  }
  return {};
}

/** The environment's own values of the keys admins may set (what "Reset to the environment" goes back to). */
export function environmentDefaults(): DefaultsSettings {
  const env = getEnv();
  return Object.fromEntries(DEFAULT_KEYS.map((key) => [key, env[key]])) as DefaultsSettings;
}

/** What the seeded templates are written from now. */
export async function effectiveDefaults(): Promise<DefaultsSettings> {
  return mergeDefaults(environmentDefaults(), await readDefaultsOverride());
}

/** Stores the override (an empty one removes the row: everything follows the environment again). */
export async function writeDefaultsOverride(override: DefaultsOverride): Promise<void> {
  const db = getDb();
  if (Object.keys(override).length === 0) {
    await db.platformSetting.deleteMany({ where: { key: DEFAULTS_KEY } });
    return;
  }
  const value = JSON.stringify(override);
  await db.platformSetting.upsert({
    where: { key: DEFAULTS_KEY },
    create: { key: DEFAULTS_KEY, value },
    update: { value },
  });
}
