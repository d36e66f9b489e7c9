// An engine image as the Images tab and the API show it. Wire names are snake_case (the API's).

export type ImageView = {
  /** sha256:… */
  id: string;
  /** repo:tag names; empty for a dangling image. */
  repo_tags: string[];
  size_bytes: number;
  created_at: string;
  /** Containers made from it, running or not. */
  containers: { count: number; names: string[] };
  /** Templates (or the app's own image settings, or "2 workspaces" made from it) that launch from it: not removed. */
  templates: string[];
  dangling: boolean;
};

export type RemovedImageView = { id: string; untagged: string[]; deleted: string[] };

export type PrunedImagesView = {
  removed: { id: string; repo_tags: string[] }[];
  count: number;
  /** What the engine's layer store shrank by (shared layers count only once gone from every image). */
  reclaimed_bytes: number;
  /** Images the engine would not remove (a child image needs it), with its words. */
  failed: { id: string; message: string }[];
};

/** "name" means "name:latest", as the engine reads it; a digest or an id stays as it is. */
export function withTag(reference: string): string {
  if (reference.includes("@") || reference.startsWith("sha256:")) return reference;
  const last = reference.split("/").pop() ?? reference;
  return last.includes(":") ? reference : `${reference}:latest`;
}

const hubShort = (name: string) => name.replace(/^(?:index\.)?docker\.io\//, "").replace(/^library\//, "");

/**
 * One spelling per image reference: "docker.io/library/node:20" is the "node:20" the engine lists; a digest
 * reference is name@digest, a tag before it dropped ("node:20@sha256:…" is the engine's "node@sha256:…").
 */
export function canonical(reference: string): string {
  const at = reference.indexOf("@");
  if (at < 0) return hubShort(withTag(reference));
  const name = reference.slice(0, at);
  const slash = name.lastIndexOf("/");
  const colon = name.lastIndexOf(":");
  return `${hubShort(colon > slash ? name.slice(0, colon) : name)}${reference.slice(at)}`;
}
