// Hosts of workspace apps under WORKSPACE_DOMAIN: "{app}--{hostKey}.{domain}", one label of at most 63 characters.
// Unambiguous by construction: app names hold no "--" (lib/templates/template.ts), so the first "--" ends the app;
// host keys are stored under a unique index (two workspaces never share one), and derived from the workspace's
// unique route key — itself when it fits, else cut with a hash of the whole key (a clash is retried by the store).
import { createHash, randomBytes } from "node:crypto";

export const HOST_KEY_MAX = 45;
const APP_MAX = 16;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const hash = (text: string) => createHash("sha256").update(text).digest("hex");

/** The host key for a route key: the key itself when it is short enough, else its head and a hash of all of it. */
export function hostKeyFor(routeKey: string): string {
  if (routeKey.length <= HOST_KEY_MAX) return routeKey;
  return `${routeKey.slice(0, HOST_KEY_MAX - 9).replace(/-+$/, "")}-${hash(routeKey).slice(0, 8)}`;
}

/** Another host key for the same route key, when the first is taken (practically never). */
export function alternateHostKey(routeKey: string): string {
  return `${routeKey.slice(0, HOST_KEY_MAX - 9).replace(/-+$/, "")}-${randomBytes(4).toString("hex")}`;
}

export function appHost(app: string, hostKey: string, domain: string): string {
  const label = `${app}--${hostKey}`;
  if (
    app.length > APP_MAX ||
    app.includes("--") ||
    !LABEL.test(app) ||
    !LABEL.test(hostKey) ||
    !LABEL.test(label)
  )
    throw new Error("app name and host key must make one DNS label");
  return `${label}.${domain}`;
}

/** The app and host key a request's Host names, or null when it is no workspace host of this domain. */
export function parseAppHost(
  host: string | null | undefined,
  domain: string,
): { app: string; hostKey: string } | null {
  if (!host || !domain) return null;
  const name = host.toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  const suffix = `.${domain}`;
  if (!name.endsWith(suffix)) return null;
  const label = name.slice(0, -suffix.length);
  if (!LABEL.test(label) || label.includes(".")) return null;
  const at = label.indexOf("--");
  if (at <= 0) return null;
  const app = label.slice(0, at);
  const hostKey = label.slice(at + 2);
  return app && hostKey && LABEL.test(hostKey) ? { app, hostKey } : null;
}

/**
 * Whether a host is spelled exactly as the app's own links spell it: lower case, no trailing dot, and a port only
 * the one APP_URL names (workspace hosts share the app's entrypoint). The handshake binds codes and cookies to this
 * spelling alone: "host:8080" is the same router to Traefik, but a code sent there would go to whatever listens.
 */
export function isCanonicalAppHost(host: string, domain: string, port: string): boolean {
  const parsed = parseAppHost(host, domain);
  return parsed !== null && host === `${parsed.app}--${parsed.hostKey}.${domain}${port ? `:${port}` : ""}`;
}
