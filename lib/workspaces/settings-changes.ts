// What a settings change (or a new workspace's settings) touched, for the audit log: field names, environment
// variable names and secret file paths. Never a value: no variable's value, no file's content, no token.

import type { WorkspaceSettings } from "@/lib/workspaces/settings";
import type { SecretChanges } from "@/lib/workspaces/settings-input";

export type SettingsChanges = {
  /** display_name, git, git.token, env, secret_files, limits, idle_timeout_minutes: the fields that changed. */
  fields: string[];
  env_keys?: { added: string[]; changed: string[]; removed: string[] };
  secret_files?: { written: string[]; removed: string[] };
  /** Limits are not secret: the ones asked for after the change. */
  limits?: { memory_mb?: number; cpus?: number; pids?: number };
};

export function settingsChanges(
  before: WorkspaceSettings,
  after: WorkspaceSettings,
  secrets: SecretChanges,
  displayNameChanged = false,
): SettingsChanges {
  const fields: string[] = [];
  const changes: SettingsChanges = { fields };
  if (displayNameChanged) fields.push("display_name");
  if (JSON.stringify(before.git) !== JSON.stringify(after.git)) fields.push("git");
  if (before.idleSeconds !== after.idleSeconds) fields.push("idle_timeout_minutes");
  if (secrets.removeToken || secrets.upsert.some((secret) => secret.kind === "git-token"))
    fields.push("git.token");
  const was = new Map(before.env.map((entry) => [entry.key, entry.value]));
  const now = new Map(after.env.map((entry) => [entry.key, entry.value]));
  const env = {
    added: [...now.keys()].filter((key) => !was.has(key)),
    changed: [...now.keys()].filter((key) => was.has(key) && was.get(key) !== now.get(key)),
    removed: [...was.keys()].filter((key) => !now.has(key)),
  };
  if (env.added.length + env.changed.length + env.removed.length > 0) {
    fields.push("env");
    changes.env_keys = env;
  }
  const written = secrets.upsert.filter((secret) => secret.kind === "file").map((secret) => secret.path);
  if (written.length + secrets.removePaths.length > 0) {
    fields.push("secret_files");
    changes.secret_files = { written, removed: secrets.removePaths };
  }
  if (JSON.stringify(before.limits) !== JSON.stringify(after.limits)) {
    fields.push("limits");
    const { memoryMb, cpus, pids } = after.limits;
    changes.limits = { memory_mb: memoryMb, cpus, pids };
  }
  return changes;
}
