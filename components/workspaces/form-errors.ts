// Field errors keyed as the schema and the server name them ("env.2.key", "git.url", "limits.memory_mb"): each
// shown at its field, and whatever no field on the form shows, at the top — so no error is ever dropped.
import type { SettingsState } from "@/components/workspaces/form-state";

export type Errors = Record<string, string[]>;

const FIXED = [
  "display_name",
  "git",
  "git.url",
  "git.branch",
  "git.username",
  "git.token",
  "env",
  "secret_files",
];
const LIMITS = ["limits", "limits.memory_mb", "limits.cpus", "limits.pids"];

/** The keys the form shows at a field, for its current rows. */
export function placedKeys(state: SettingsState, extra: string[] = []): Set<string> {
  const keys = new Set([...FIXED, ...LIMITS, ...extra]);
  state.env.forEach((_, index) => {
    for (const part of ["", ".key", ".value"]) keys.add(`env.${index}${part}`);
  });
  state.files.forEach((_, index) => {
    for (const part of ["", ".path", ".content", ".encoding"]) keys.add(`secret_files.${index}${part}`);
  });
  return keys;
}

export function unplacedErrors(errors: Errors, placed: Set<string>): string[] {
  return Object.entries(errors)
    .filter(([key]) => !placed.has(key))
    .flatMap(([, messages]) => messages);
}

/** Errors of a row move with it when an earlier row is removed; other rows' errors are dropped (stale). */
export function withoutRow(errors: Errors, list: "env" | "secret_files", removed: number): Errors {
  const next: Errors = {};
  for (const [key, messages] of Object.entries(errors)) {
    const match = new RegExp(`^${list}\\.(\\d+)(.*)$`).exec(key);
    if (!match) next[key] = messages;
    else if (Number(match[1]) < removed) next[key] = messages;
    else if (Number(match[1]) > removed) next[`${list}.${Number(match[1]) - 1}${match[2]}`] = messages;
  }
  return next;
}
