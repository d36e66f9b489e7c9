// The public path of a workspace under Traefik: /{routeKey} (slug-name, see lib/workspaces/names.ts). Keys are
// [a-z0-9-] by construction; this check keeps anything else out of labels and rules even if that ever changes.
const SAFE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export function routePath(routeKey: string): string {
  if (!SAFE.test(routeKey)) throw new Error("route keys must be lower-case [a-z0-9-]");
  return `/${routeKey}`;
}

/** Router and middleware names: workspace ids are cuids ([a-z0-9]); anything else is escaped away. */
export function routerName(workspaceId: string): string {
  return `ws${workspaceId.replace(/[^a-z0-9]/gi, "")}`;
}
