// Which images templates launch from: every template's image in the database and the images the settings name
// (the built-in slots and the git helper). Matched by repo:tag and by image id, so neither a tag nor a bare id
// gets a template's image removed.
import "server-only";
import { getDb } from "@/lib/db";
import { canonical } from "@/lib/engine/images/image-view";
import { getEnv } from "@/lib/env";

/** Reference (repo:tag, or an id) -> the names of what uses it. */
export async function templateImages(): Promise<Map<string, string[]>> {
  const env = getEnv();
  const uses = new Map<string, string[]>();
  const add = (image: string, user: string) => {
    const key = canonical(image);
    uses.set(key, [...(uses.get(key) ?? []), user]);
  };
  for (const template of await getDb().template.findMany({ select: { name: true, image: true } }))
    add(template.image, template.name);
  add(env.USER_TEMPLATE_IMAGE_DEV, "USER_TEMPLATE_IMAGE_DEV");
  add(env.USER_TEMPLATE_IMAGE_PROD, "USER_TEMPLATE_IMAGE_PROD");
  add(env.USER_TEMPLATE_IMAGE_IDE, "USER_TEMPLATE_IMAGE_IDE");
  add(env.GIT_HELPER_IMAGE, "GIT_HELPER_IMAGE");
  return uses;
}

/** The templates an image serves, by any of its tags or its id (full or short). */
export function templatesOf(
  uses: Map<string, string[]>,
  image: { id: string; repoTags: string[] },
): string[] {
  const names = new Set<string>();
  const short = image.id.replace(/^sha256:/, "");
  for (const [reference, users] of uses) {
    const bare = reference.replace(/^sha256:/, "").replace(/:latest$/, "");
    const byId = /^[0-9a-f]{12,64}$/.test(bare) && short.startsWith(bare);
    if (byId || image.repoTags.some((tag) => canonical(tag) === reference))
      for (const user of users) names.add(user);
  }
  return [...names].sort();
}
