// The create dialog's and the settings form's state (strings, as inputs hold them) and the wire input built from
// it with the schema's snake_case keys (lib/validations/workspace.ts). Pure: no React, no requests.
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

export type EnvRow = { id: string; key: string; value: string };
/** A secret file: a new one (content to send) or one saved before (listed by path; its content stays). */
export type FileRow = {
  id: string;
  path: string;
  content: string;
  encoding: "utf8" | "base64";
  saved: { size: number; updated_at: string } | null;
};
export type TokenAction = "keep" | "replace" | "remove";
export type GitState = {
  url: string;
  branch: string;
  username: string;
  token: string;
  tokenAction: TokenAction;
};
export type LimitsState = { memory_mb: string; cpus: string; pids: string };
export type SettingsState = {
  display_name: string;
  git: GitState;
  env: EnvRow[];
  files: FileRow[];
  limits: LimitsState;
  /** Minutes without activity before it stops ("" : the template's; "0": never, where the template allows). */
  idle: string;
};
export type CreateState = SettingsState & { name: string; template: string; volume: string };

let nextId = 0;
export const rowId = () => `row-${++nextId}`;

export const emptyEnvRow = (): EnvRow => ({ id: rowId(), key: "", value: "" });
export const emptyFileRow = (): FileRow => ({
  id: rowId(),
  path: "",
  content: "",
  encoding: "utf8",
  saved: null,
});

const EMPTY_GIT: GitState = { url: "", branch: "", username: "", token: "", tokenAction: "keep" };
const EMPTY_LIMITS: LimitsState = { memory_mb: "", cpus: "", pids: "" };

export function emptyCreateState(template: string): CreateState {
  return {
    name: "",
    template,
    volume: "",
    display_name: "",
    git: EMPTY_GIT,
    env: [],
    files: [],
    limits: EMPTY_LIMITS,
    idle: "",
  };
}

/** The settings form as a workspace has it now: env values shown, secret files by path, its own limits ("" for a
 * limit left at the template's default, which the field shows as its placeholder). */
export function settingsStateOf(workspace: WorkspaceView): SettingsState {
  const { git, env, secret_files, limits_custom: limits } = workspace.settings;
  const own = (value: number | null) => (value === null ? "" : String(value));
  return {
    display_name: workspace.display_name,
    git: git
      ? {
          url: git.url,
          branch: git.branch ?? "",
          username: git.username ?? "",
          token: "",
          tokenAction: "keep",
        }
      : EMPTY_GIT,
    env: env.map((entry) => ({ id: rowId(), ...entry })),
    files: secret_files.map((file) => ({
      id: rowId(),
      path: file.path,
      content: "",
      encoding: "utf8",
      saved: { size: file.size, updated_at: file.updated_at },
    })),
    limits: { memory_mb: own(limits.memory_mb), cpus: own(limits.cpus), pids: own(limits.pids) },
    idle: own(workspace.settings.idle_timeout_minutes),
  };
}

/** "" follows the template (null on the wire); anything else must be a number (NaN fails the schema). */
export const idleInput = (text: string) => (text.trim() === "" ? null : Number(text));

/** "" leaves a limit at the template's default; anything else must be a number (NaN fails the schema). */
const limit = (text: string) => (text.trim() === "" ? undefined : Number(text));

export function limitsInput(limits: LimitsState) {
  return { memory_mb: limit(limits.memory_mb), cpus: limit(limits.cpus), pids: limit(limits.pids) };
}

export const envInput = (rows: EnvRow[]) => rows.map(({ key, value }) => ({ key, value }));

/** Saved files are sent by path alone (kept as they are); new ones with their content. */
export const filesInput = (rows: FileRow[]) =>
  rows.map((row) =>
    row.saved ? { path: row.path } : { path: row.path, content: row.content, encoding: row.encoding },
  );

const hasGit = (git: GitState) =>
  [git.url, git.branch, git.username, git.token].some((part) => part.trim() !== "");

/** The repository: null for none; the token only when it is new ("" removes a saved one, absent keeps it). */
export function gitInput(git: GitState, savedToken: boolean) {
  // Nothing typed means no repository (which also drops a saved token); a token alone still asks for the URL.
  if (!hasGit(git)) return null;
  const token =
    git.tokenAction === "remove"
      ? ""
      : (!savedToken || git.tokenAction === "replace") && git.token !== ""
        ? git.token
        : undefined;
  return {
    url: git.url.trim(),
    branch: git.branch.trim(),
    username: git.username.trim(),
    ...(token !== undefined && { token }),
  };
}

export function createInput(state: CreateState) {
  const git = gitInput(state.git, false);
  return {
    name: state.name.trim(),
    template: state.template,
    ...(state.volume && { volume: state.volume }),
    ...(state.display_name.trim() && { display_name: state.display_name }),
    ...(git && { git }),
    env: envInput(state.env),
    secret_files: filesInput(state.files),
    limits: limitsInput(state.limits),
    ...(state.idle.trim() !== "" && { idle_timeout_minutes: idleInput(state.idle) }),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed: a field left out keeps its saved value on the server. */
export function updateInput(initial: SettingsState, current: SettingsState, savedToken: boolean) {
  const input: Record<string, unknown> = {};
  if (current.display_name.trim() !== initial.display_name.trim()) input.display_name = current.display_name;
  const git = gitInput(current.git, savedToken);
  if (!same(git, gitInput(initial.git, savedToken))) input.git = git;
  if (!same(envInput(current.env), envInput(initial.env))) input.env = envInput(current.env);
  if (!same(filesInput(current.files), filesInput(initial.files)))
    input.secret_files = filesInput(current.files);
  if (!same(limitsInput(current.limits), limitsInput(initial.limits)))
    input.limits = limitsInput(current.limits);
  if (idleInput(current.idle) !== idleInput(initial.idle))
    input.idle_timeout_minutes = idleInput(current.idle);
  return input;
}

export type Takes = "none" | "restart" | "recreate";

/**
 * What saving takes for a workload that exists, as the server reckons it: environment or secret files need a
 * re-creation, limits a restart; the rest (name, repository) nothing. The server's answer is the truth.
 */
export function takesOf(input: ReturnType<typeof updateInput>): Takes {
  if (input.env !== undefined || input.secret_files !== undefined) return "recreate";
  if (input.limits !== undefined) return "restart";
  return "none";
}
