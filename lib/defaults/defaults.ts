// The container defaults admins may set in the app (PlatformSetting "defaults"), over the environment's: the limits
// and images the seeded templates are written from, and the quotas every user has unless given their own. Each is checked by the environment's own schema (lib/env.ts),
// spelled as the variable would be ("1g", "0.5", "spawner-dev:latest"); a value not set follows the environment.
// Pure: parsing and merging only.
import { z } from "zod";
import { type Env, envSchema } from "@/lib/env";
import { fieldErrors } from "@/lib/validations/field-errors";

export const DEFAULT_KEYS = [
  "CONTAINER_MEMORY",
  "CONTAINER_CPUS",
  "CONTAINER_PIDS_LIMIT",
  "CONTAINER_MAX_MEMORY",
  "CONTAINER_MAX_CPUS",
  "CONTAINER_MAX_PIDS_LIMIT",
  "USER_TEMPLATE_IMAGE_DEV",
  "USER_TEMPLATE_IMAGE_PROD",
  "USER_TEMPLATE_IMAGE_IDE",
  "QUOTA_WORKSPACES",
  "QUOTA_RUNNING",
  "QUOTA_MEMORY",
  "QUOTA_CPUS",
] as const;
export type DefaultKey = (typeof DEFAULT_KEYS)[number];

export const IMAGE_KEYS = [
  "USER_TEMPLATE_IMAGE_DEV",
  "USER_TEMPLATE_IMAGE_PROD",
  "USER_TEMPLATE_IMAGE_IDE",
] as const;
const MEMORY_KEYS = new Set<DefaultKey>(["CONTAINER_MEMORY", "CONTAINER_MAX_MEMORY", "QUOTA_MEMORY"]);

/** Each maximum and the default it may not be below. */
const MAXIMA = [
  ["CONTAINER_MAX_MEMORY", "CONTAINER_MEMORY"],
  ["CONTAINER_MAX_CPUS", "CONTAINER_CPUS"],
  ["CONTAINER_MAX_PIDS_LIMIT", "CONTAINER_PIDS_LIMIT"],
] as const;

export type DefaultsSettings = Pick<Env, DefaultKey>;
/** What is stored: the values as given (strings, as in the environment), only those set. */
export type DefaultsOverride = Partial<Record<DefaultKey, string>>;

// The environment's own field schema, without its default: an unset value here means "the environment's".
const fieldSchema = (key: DefaultKey) => envSchema.shape[key].unwrap();

/**
 * A PUT body or a stored value: { CONTAINER_MEMORY: "1g", CONTAINER_CPUS: 2, ... }. Empty or null means not set;
 * numbers are taken as the variable's text. Every bad value comes back by its key.
 */
export function parseDefaultsOverride(
  value: unknown,
): { ok: true; override: DefaultsOverride } | { ok: false; fields: Record<string, string[]> } {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return {
      ok: false,
      fields: { form: ['Send an object of settings, such as { "CONTAINER_MEMORY": "1g" }.'] },
    };
  const fields: Record<string, string[]> = {};
  const override: DefaultsOverride = {};
  for (const [key, raw] of Object.entries(value)) {
    if (!(DEFAULT_KEYS as readonly string[]).includes(key)) {
      fields[key] = [`Not a setting here: use ${DEFAULT_KEYS.join(", ")}.`];
      continue;
    }
    if (raw === "" || raw === null || raw === undefined) continue;
    const text = typeof raw === "number" ? String(raw) : raw;
    if (typeof text !== "string") {
      fields[key] = ["Send the value as text, as in the environment (such as 1g or 0.5)."];
      continue;
    }
    const parsed = fieldSchema(key as DefaultKey).safeParse(text.trim());
    if (!parsed.success) {
      fields[key] = Object.values(fieldErrors(parsed.error)).flat();
      continue;
    }
    override[key as DefaultKey] = text.trim();
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, override };
}

/** The environment's values with the override's over them (the override parsed by the same schema). */
export function mergeDefaults(env: DefaultsSettings, override: DefaultsOverride): DefaultsSettings {
  const merged: Record<string, unknown> = { ...env };
  for (const key of DEFAULT_KEYS) {
    const raw = override[key];
    if (raw !== undefined) merged[key] = z.parse(fieldSchema(key), raw);
  }
  return merged as DefaultsSettings;
}

/** A maximum below its default, keyed by the maximum's name (the environment allows it; the seed raises the max). */
export function maximaBelowDefaults(settings: DefaultsSettings): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const [max, def] of MAXIMA)
    if (settings[max] < settings[def])
      fields[max] = [`Can't be less than ${def} (${displayDefault(def, settings[def])}).`];
  return fields;
}

const MB = 1024 * 1024;

/** A value as the form shows it: memory as "512m", the rest as text. */
export function displayDefault(key: DefaultKey, value: DefaultsSettings[DefaultKey]): string {
  if (MEMORY_KEYS.has(key) && typeof value === "number" && value > 0)
    return value % (1024 * MB) === 0 ? `${value / (1024 * MB)}g` : `${Math.round(value / MB)}m`;
  return String(value);
}

export function displayAll(settings: DefaultsSettings): Record<DefaultKey, string> {
  return Object.fromEntries(DEFAULT_KEYS.map((key) => [key, displayDefault(key, settings[key])])) as Record<
    DefaultKey,
    string
  >;
}

/** The same parse as a zod schema, for readJson and parseInput at the edge (errors keyed by setting). */
export const defaultsInputSchema = z.unknown().transform((value, ctx): DefaultsOverride => {
  const parsed = parseDefaultsOverride(value);
  if (parsed.ok) return parsed.override;
  for (const [key, messages] of Object.entries(parsed.fields))
    for (const message of messages)
      ctx.addIssue({ code: "custom", path: key === "form" ? [] : [key], message });
  return z.NEVER;
});
