// Which images templates launch from: every template's image in the database, the images the settings name (the
// built-in slots and the git helper) and the images workspaces were made from (a stopped one starts from it again).
// Matched by repo:tag, by digest and by image id, so neither a tag, a digest nor a bare id gets such an image removed.
import "server-only";
import { getDb } from "@/lib/db";
import { canonical } from "@/lib/engine/images/image-view";
import { getEnv } from "@/lib/env";

/** Reference (repo:tag, name@digest, or an id) -> the names of what uses it. */
export async function templateImages(): Promise<Map<string, string[]>> {
  const env = getEnv();
  const uses = new Map<string, string[]>();
  const add = (image: string, user: string) => {
    const key = canonical(image);
    uses.set(key, [...(uses.get(key) ?? []), user]);
  };
  const db = getDb();
  const [templates, workspaces] = await Promise.all([
    db.template.findMany({ select: { name: true, image: true } }),
    db.workspace.groupBy({ by: ["image"], where: { image: { not: null } }, _count: { _all: true } }),
  ]);
  for (const template of templates) add(template.image, template.name);
  const made = new Map<string, number>();
  for (const { image, _count } of workspaces)
    if (image) made.set(canonical(image), (made.get(canonical(image)) ?? 0) + _count._all);
  for (const [image, count] of made) add(image, count === 1 ? "1 workspace" : `${count} workspaces`);
  add(env.USER_TEMPLATE_IMAGE_DEV, "USER_TEMPLATE_IMAGE_DEV");
  add(env.USER_TEMPLATE_IMAGE_PROD, "USER_TEMPLATE_IMAGE_PROD");
  add(env.USER_TEMPLATE_IMAGE_IDE, "USER_TEMPLATE_IMAGE_IDE");
  add(env.GIT_HELPER_IMAGE, "GIT_HELPER_IMAGE");
  return uses;
}

/** The templates an image serves, by any of its tags, its digests (name@sha256:…) or its id (full or short). */
export function templatesOf(
  uses: Map<string, string[]>,
  image: { id: string; repoTags: string[]; repoDigests?: string[] },
): string[] {
  const names = new Set<string>();
  const short = image.id.replace(/^sha256:/, "");
  const references = new Set([...image.repoTags, ...(image.repoDigests ?? [])].map(canonical));
  for (const [reference, users] of uses) {
    const bare = reference.replace(/^sha256:/, "").replace(/:latest$/, "");
    const byId = /^[0-9a-f]{12,64}$/.test(bare) && short.startsWith(bare);
    if (byId || references.has(reference)) for (const user of users) names.add(user);
  }
  return [...names].sort();
}
