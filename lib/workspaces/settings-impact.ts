// What a settings change takes for a workload that exists: nothing (display name, a repository already cloned),
// a restart with new limits, or a re-creation (environment and secret files live in the container; data stays).
import type { WorkspaceSettings } from "@/lib/workspaces/settings";
import type { SecretChanges } from "@/lib/workspaces/settings-input";

export type Impact = "none" | "restart" | "recreate";

const RANK: Record<Impact, number> = { none: 0, restart: 1, recreate: 2 };

export const strongest = (a: Impact, b: Impact): Impact => (RANK[a] >= RANK[b] ? a : b);

export function impactOf(
  before: WorkspaceSettings,
  after: WorkspaceSettings,
  secrets: Pick<SecretChanges, "upsert" | "removePaths">,
): Impact {
  const fileChanged =
    secrets.upsert.some((secret) => secret.kind === "file") || secrets.removePaths.length > 0;
  if (fileChanged || JSON.stringify(before.env) !== JSON.stringify(after.env)) return "recreate";
  if (JSON.stringify(before.limits) !== JSON.stringify(after.limits)) return "restart";
  return "none";
}
