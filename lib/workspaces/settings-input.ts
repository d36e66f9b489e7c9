// Turns validated wire input (snake_case, lib/validations/workspace.ts) into stored settings and sealed secrets,
// checking what needs the template and the settings: maxima, the data path, plain-http repositories. Every problem
// is reported at its field, all of them at once.
import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Template } from "@/lib/templates/template";
import type { SecretFileInput, UpdateWorkspaceInput } from "@/lib/validations/workspace";
import { isUnderDataPath } from "@/lib/workspaces/secret-paths";
import { type SealedSecret, sealSecret } from "@/lib/workspaces/secrets";
import { idleErrors, limitErrors, type WorkspaceSettings } from "@/lib/workspaces/settings";

type SettingsFields = Omit<UpdateWorkspaceInput, "apply_now">;
type Existing = { settings: WorkspaceSettings; secretPaths: Set<string>; hasToken: boolean };

export type SecretChanges = { upsert: SealedSecret[]; removePaths: string[]; removeToken: boolean };

export function contentOf(file: SecretFileInput): Buffer {
  return Buffer.from(file.content ?? "", file.encoding === "base64" ? "base64" : "utf8");
}

/** The settings after applying these fields to the existing ones (fields left out keep their value). */
export function settingsFrom(
  input: SettingsFields,
  template: Template,
  workspaceId: string,
  existing: Existing,
): { settings: WorkspaceSettings; secrets: SecretChanges } {
  const errors: Record<string, string[]> = {};
  const settings: WorkspaceSettings = structuredClone(existing.settings);
  const secrets: SecretChanges = { upsert: [], removePaths: [], removeToken: false };
  if (input.env !== undefined) settings.env = input.env;
  if (input.limits !== undefined) {
    settings.limits = { memoryMb: input.limits.memory_mb, cpus: input.limits.cpus, pids: input.limits.pids };
    Object.assign(errors, limitErrors(settings.limits, template));
  }
  if (input.idle_timeout_minutes !== undefined) {
    settings.idleSeconds = input.idle_timeout_minutes === null ? undefined : input.idle_timeout_minutes * 60;
    Object.assign(errors, idleErrors(settings.idleSeconds, template));
  }
  if (input.git !== undefined) {
    if (input.git === null) {
      settings.git = null;
      secrets.removeToken = existing.hasToken;
    } else {
      if (new URL(input.git.url).protocol === "http:" && !getEnv().GIT_ALLOW_HTTP)
        errors["git.url"] = ["Use an https:// URL: plain http would send your token in clear."];
      settings.git = {
        url: input.git.url,
        branch: input.git.branch ?? null,
        username: input.git.username ?? null,
      };
      // A saved token goes only where it was given for: another host (or scheme) needs its own, or none.
      const before = existing.settings.git ? new URL(existing.settings.git.url) : null;
      const after = new URL(input.git.url);
      const sameOrigin = before?.protocol === after.protocol && before?.host === after.host;
      if (input.git.token === "" || (input.git.token === undefined && !sameOrigin))
        secrets.removeToken = existing.hasToken;
      else if (input.git.token !== undefined)
        secrets.upsert.push(sealSecret(workspaceId, "git-token", "", Buffer.from(input.git.token)));
    }
  }
  if (input.secret_files !== undefined) {
    const wanted = new Set(input.secret_files.map((file) => file.path));
    secrets.removePaths = [...existing.secretPaths].filter((path) => !wanted.has(path));
    input.secret_files.forEach((file, index) => {
      if (!isUnderDataPath(file.path, template.dataPath))
        errors[`secret_files.${index}.path`] = [`Put secret files under ~/ or under ${template.dataPath}/.`];
      else if (file.content !== undefined)
        secrets.upsert.push(sealSecret(workspaceId, "file", file.path, contentOf(file)));
      else if (!existing.secretPaths.has(file.path))
        errors[`secret_files.${index}.content`] = ["Enter the file's content."];
    });
  }
  if (Object.keys(errors).length > 0)
    throw new AppError("VALIDATION_FAILED", "Some fields are not valid.", { fields: errors });
  return { settings, secrets };
}
