// The template form's state: text as typed (numbers too), turned into the schema's input on submit.
import type { AdminTemplateView } from "@/lib/admin/admin-template-view";

/** `rowKey`: the row's identity in the form only (React keys), never sent. */
export type AppRow = { rowKey: string; name: string; port: string; primary: boolean; health_path: string };

let rows = 0;
const nextRowKey = () => `app-${++rows}`;
type LimitRow = { memory_mb: string; cpus: string; pids: string };
export type TemplateFormState = {
  name: string;
  display_name: string;
  description: string;
  image: string;
  data_path: string;
  apps: AppRow[];
  limits: { default: LimitRow; max: LimitRow };
  idle_timeout_minutes: string;
  max_lifetime_minutes: string;
  volume_driver: string;
  /** One name=value a line. */
  volume_options: string;
  volume_shared: boolean;
};

export const TIMEOUT_FIELDS = [
  {
    key: "idle_timeout_minutes",
    label: "Idle timeout (minutes)",
    hint: "Running workspaces without activity this long are stopped; 0: never. A workspace may choose shorter.",
  },
  {
    key: "max_lifetime_minutes",
    label: "Maximum lifetime (minutes)",
    hint: "Running workspaces are stopped this long after they started, active or not; 0: no limit.",
  },
] as const;

export const LIMIT_FIELDS = [
  { key: "memory_mb", label: "Memory (MiB)" },
  { key: "cpus", label: "CPUs" },
  { key: "pids", label: "Processes" },
] as const;

export function emptyApp(primary = false): AppRow {
  return { rowKey: nextRowKey(), name: "", port: "", primary, health_path: "" };
}

export function emptyTemplateState(): TemplateFormState {
  return {
    name: "",
    display_name: "",
    description: "",
    image: "",
    data_path: "/workspace",
    apps: [{ rowKey: nextRowKey(), name: "web", port: "8080", primary: true, health_path: "" }],
    limits: {
      default: { memory_mb: "512", cpus: "1", pids: "256" },
      max: { memory_mb: "2048", cpus: "2", pids: "1024" },
    },
    idle_timeout_minutes: "30",
    max_lifetime_minutes: "0",
    volume_driver: "local",
    volume_options: "",
    volume_shared: false,
  };
}

const text = (limits: AdminTemplateView["limits"]["default"]): LimitRow => ({
  memory_mb: String(limits.memory_mb),
  cpus: String(limits.cpus),
  pids: String(limits.pids),
});

export function stateOf(template: AdminTemplateView): TemplateFormState {
  return {
    name: template.name,
    display_name: template.display_name,
    description: template.description,
    image: template.image,
    data_path: template.data_path,
    apps: template.apps.map((app) => ({
      rowKey: nextRowKey(),
      name: app.name,
      port: String(app.port),
      primary: app.primary,
      health_path: app.health_path ?? "",
    })),
    limits: { default: text(template.limits.default), max: text(template.limits.max) },
    idle_timeout_minutes: String(template.idle_timeout_minutes),
    max_lifetime_minutes: String(template.max_lifetime_minutes),
    volume_driver: template.volume.driver,
    volume_options: Object.entries(template.volume.options)
      .map(([key, value]) => `${key}=${value}`)
      .join("\n"),
    volume_shared: template.volume.shared,
  };
}

// Not a number: null, which the schema answers with "Enter a number …" at the field.
const numberOf = (raw: string): number | null => {
  const value = Number(raw.trim());
  return raw.trim() === "" || !Number.isFinite(value) ? null : value;
};

const limitsInput = (row: LimitRow) => ({
  memory_mb: numberOf(row.memory_mb),
  cpus: numberOf(row.cpus),
  pids: numberOf(row.pids),
});

/**
 * The options' lines as a map: name=value (split at the first =), blank lines skipped. A line with no = goes as a
 * name without a text value, which the schema answers at that name ("Write each option as name=value").
 */
export function optionsOf(text: string): Record<string, string | null> {
  const options: Record<string, string | null> = {};
  for (const line of text.split("\n").map((raw) => raw.trim())) {
    if (line === "") continue;
    const at = line.indexOf("=");
    if (at < 0) options[line] = null;
    else options[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return options;
}

/** What the actions take (the schema checks it on the server; its errors come back keyed as these fields). */
export function inputOf(state: TemplateFormState) {
  return {
    name: state.name.trim(),
    display_name: state.display_name,
    description: state.description,
    image: state.image,
    data_path: state.data_path.trim(),
    apps: state.apps.map((app) => ({
      name: app.name.trim(),
      port: numberOf(app.port),
      primary: app.primary,
      health_path: app.health_path.trim(),
    })),
    limits: { default: limitsInput(state.limits.default), max: limitsInput(state.limits.max) },
    idle_timeout_minutes: numberOf(state.idle_timeout_minutes),
    max_lifetime_minutes: numberOf(state.max_lifetime_minutes),
    volume: {
      driver: state.volume_driver.trim(),
      options: optionsOf(state.volume_options),
      shared: state.volume_shared,
    },
  };
}

/**
 * What the edit form sends: every field but the name, and a timeout only when changed — a seeded template's may be
 * no whole minute (IDLE_TIMEOUT=90s), which the schema would refuse though the admin never touched it.
 */
export function patchOf(state: TemplateFormState, template: AdminTemplateView) {
  const { name: _name, ...fields } = inputOf(state);
  const before = stateOf(template);
  for (const { key } of TIMEOUT_FIELDS)
    if (state[key].trim() === before[key]) delete (fields as Partial<typeof fields>)[key];
  return fields;
}
