// Names are derived, escaped and stored: workload and volume names follow Docker's rules
// ([a-zA-Z0-9][a-zA-Z0-9_.-]*), workspace names are DNS labels, route keys name a workspace in a URL path.
import { randomBytes } from "node:crypto";

const MAX_NAME_LENGTH = 128;

/** Escapes any text to Docker's name alphabet: runs of other characters become one "-". */
export function escapeDockerName(text: string): string {
  const escaped = text
    .replace(/[^a-zA-Z0-9_.-]+/g, "-")
    .replace(/^[^a-zA-Z0-9]+/, "")
    .slice(0, MAX_NAME_LENGTH);
  return escaped || "x";
}

/** A workspace's container: readable (slug and name), unique (its id). */
export function workloadName(w: { slug: string; name: string; id: string }): string {
  return escapeDockerName(`ws-${w.slug}-${w.name}-${w.id}`);
}

/** A workspace's data volume, named like its container (Docker keeps the two namespaces apart). */
export function volumeName(w: { slug: string; name: string; id: string }): string {
  return escapeDockerName(`ws-${w.slug}-${w.name}-${w.id}`);
}

export { WORKSPACE_NAME } from "@/lib/workspaces/workspace-name";

/**
 * The path segment a workspace is reached under: /{slug}-{name}. Slugs and names may both hold "-", so two
 * workspaces can spell the same key ("ada-dev" + "x", "ada" + "dev-x"); the key is stored under a unique index and
 * the second one gets a random suffix instead (see alternateRouteKey).
 */
export function routeKey(slug: string, name: string): string {
  return `${slug}-${name}`;
}

export function alternateRouteKey(slug: string, name: string): string {
  return `${slug}-${name}-${randomBytes(3).toString("hex")}`;
}

/** A new workspace id (cuid-like: [a-z0-9], starts with a letter), known before the row is written. */
export function newWorkspaceId(): string {
  const random = BigInt(`0x${randomBytes(16).toString("hex")}`).toString(36);
  return `w${Date.now().toString(36)}${random}`.slice(0, 25);
}
