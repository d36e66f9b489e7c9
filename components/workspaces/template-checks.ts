// The rules that need the template (its maxima, its data path), checked in the browser too so one submit shows
// every problem; the server checks them again and words them the same way (lib/workspaces/settings-input.ts).
import type { Errors } from "@/components/workspaces/form-errors";
import { limitsInput, type SettingsState } from "@/components/workspaces/form-state";
import type { LimitValues } from "@/components/workspaces/limits-fields";

const UNITS: Record<keyof LimitValues, string> = { memory_mb: "MB", cpus: "CPUs", pids: "processes" };

export function templateErrors(
  state: SettingsState,
  template: { max: LimitValues | null; dataPath: string | null },
) {
  const errors: Errors = {};
  const limits = limitsInput(state.limits);
  if (template.max) {
    for (const key of Object.keys(UNITS) as (keyof LimitValues)[]) {
      const value = limits[key];
      if (value !== undefined && value > template.max[key])
        errors[`limits.${key}`] = [`This template allows at most ${template.max[key]} ${UNITS[key]}.`];
    }
  }
  const base = template.dataPath?.replace(/\/+$/, "");
  state.files.forEach((file, index) => {
    if (base && !file.saved && file.path.startsWith("/") && !file.path.startsWith(`${base}/`))
      errors[`secret_files.${index}.path`] = [`Put secret files under ~/ or under ${base}/.`];
  });
  return errors;
}

/** Both sets of messages per field, each once. */
export function mergeErrors(a: Errors, b: Errors): Errors {
  const merged: Errors = { ...a };
  for (const [key, messages] of Object.entries(b))
    merged[key] = [...new Set([...(merged[key] ?? []), ...messages])];
  return merged;
}
