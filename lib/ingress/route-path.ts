// The public path of a container under Traefik: /{slug}-{type}. Slugs and types are [a-z0-9-] by construction;
// this check keeps anything else out of labels and rules even if that ever changes.
const SAFE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export function routePath(slug: string, type: string): string {
  if (!SAFE.test(slug) || !SAFE.test(type)) throw new Error("slug and type must be lower-case [a-z0-9-]");
  return `/${slug}-${type}`;
}

/** Router and middleware names: user ids are cuids ([a-z0-9]); anything else is escaped away. */
export function routerName(userId: string, type: string): string {
  return `user${userId.replace(/[^a-z0-9]/gi, "")}-${type.replace(/[^a-z0-9]/gi, "")}`;
}
