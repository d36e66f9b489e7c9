// Traefik labels for one workspace, one router per app. Path routing: Host(APP_HOST) and the app's path, owner-only
// ForwardAuth, StripPrefix and no Cookie header towards the workspace (the app's session cookie is for the app
// alone). Subdomain routing: the app's own Host — an isolated origin — with ForwardAuth (which also answers the
// sign-in handshake and renews the host's cookie), and framing allowed to the app's origin alone.
import { routePath, routerName } from "@/lib/ingress/route-path";
import { appHost } from "@/lib/ingress/workspace-host";
import { ACCESS_HEADER } from "@/lib/workspace-auth/access-token";
import { WORKSPACE_COOKIE } from "@/lib/workspace-auth/workspace-cookie";

/** Which of Traefik's providers reads the labels: the docker provider (containers) or the swarm one (services). */
export type TraefikProvider = "docker" | "swarm";

export type TraefikSettings = {
  provider: TraefikProvider;
  appHost: string;
  appOrigin: string;
  network: string;
  entrypoints: string[];
  certResolver: string;
  forwardAuthUrl: string;
  /** "" for path routing. */
  workspaceDomain: string;
  /** The resolver of workspace hosts' certificates, and whether it issues one wildcard for them all. */
  workspaceCertResolver: string;
  wildcardCert: boolean;
};

export type TraefikApp = { name: string; port: number; primary: boolean };
export type TraefikTarget = {
  workspaceId: string;
  routeKey: string;
  hostKey: string | null;
  apps: TraefikApp[];
};

/** The path an app is served under on the app's host: /{routeKey} for the primary, /{routeKey}.{app} for others. */
export function appPath(routeKey: string, app: TraefikApp): string {
  return app.primary ? routePath(routeKey) : `${routePath(routeKey)}.${app.name}`;
}

function authAddress(settings: TraefikSettings, workspaceId: string, app?: string): string {
  const auth = new URL(settings.forwardAuthUrl);
  // The address names the workspace (and app), so the decision never depends on how a client spelled the request.
  auth.searchParams.set("ws", workspaceId);
  if (app) auth.searchParams.set("app", app);
  return auth.toString();
}

type Router = { name: string; rule: string; middlewares: string[]; port: number };

function routerLabels(settings: TraefikSettings, router: Router, tls: Record<string, string>) {
  const prefix = `traefik.http.routers.${router.name}`;
  const labels: Record<string, string> = {
    [`${prefix}.rule`]: router.rule,
    [`${prefix}.entrypoints`]: settings.entrypoints.join(","),
    [`${prefix}.service`]: router.name,
    [`${prefix}.middlewares`]: router.middlewares.join(","),
    [`traefik.http.services.${router.name}.loadbalancer.server.port`]: String(router.port),
  };
  for (const [key, value] of Object.entries(tls)) labels[`${prefix}.tls.${key}`] = value;
  return labels;
}

/** Path routing: the app host's certificate. Own hosts: one per host, or the one wildcard every router names. */
function pathTls(settings: TraefikSettings): Record<string, string> {
  return settings.certResolver ? { certresolver: settings.certResolver } : {};
}

function hostTls(settings: TraefikSettings): Record<string, string> {
  const resolver = settings.workspaceCertResolver;
  if (!resolver) return {};
  // Traefik asks for a router's tls.domains once for all the routers that name them (not once per router).
  return settings.wildcardCert
    ? { certresolver: resolver, "domains[0].main": `*.${settings.workspaceDomain}` }
    : { certresolver: resolver };
}

function pathLabels(settings: TraefikSettings, target: TraefikTarget): Record<string, string> {
  const labels: Record<string, string> = {};
  const auth = `${routerName(target.workspaceId)}-auth`;
  const nocookie = `${routerName(target.workspaceId)}-nocookie`;
  labels[`traefik.http.middlewares.${auth}.forwardauth.address`] = authAddress(settings, target.workspaceId);
  labels[`traefik.http.middlewares.${auth}.forwardauth.authResponseHeaders`] = ACCESS_HEADER;
  // Forward-auth needs the session cookie; the workspace must never see it (an empty value removes a header).
  labels[`traefik.http.middlewares.${nocookie}.headers.customrequestheaders.Cookie`] = "";
  for (const app of target.apps) {
    const name = app.primary
      ? routerName(target.workspaceId)
      : `${routerName(target.workspaceId)}-${app.name}`;
    const path = appPath(target.routeKey, app);
    // The exact path or below it: /ada-dev must not also catch /ada-dev-x (another workspace's key).
    const rule = `Host(\`${settings.appHost}\`) && (Path(\`${path}\`) || PathPrefix(\`${path}/\`))`;
    labels[`traefik.http.middlewares.${name}-strip.stripprefix.prefixes`] = path;
    const middlewares = [auth, `${name}-strip`, nocookie];
    Object.assign(
      labels,
      routerLabels(settings, { name, rule, middlewares, port: app.port }, pathTls(settings)),
    );
  }
  return labels;
}

function hostLabels(settings: TraefikSettings, target: TraefikTarget): Record<string, string> {
  if (!target.hostKey) throw new Error("a workspace served on its own host needs a host key");
  const labels: Record<string, string> = {};
  const frame = `${routerName(target.workspaceId)}-frame`;
  // The workspace page may show the primary app in a frame: only the app's own origin may frame it.
  labels[`traefik.http.middlewares.${frame}.headers.customresponseheaders.Content-Security-Policy`] =
    `frame-ancestors ${settings.appOrigin}`;
  labels[`traefik.http.middlewares.${frame}.headers.customresponseheaders.X-Frame-Options`] = "";
  for (const app of target.apps) {
    const name = `${routerName(target.workspaceId)}-${app.name}`;
    const auth = `${name}-auth`;
    labels[`traefik.http.middlewares.${auth}.forwardauth.address`] = authAddress(
      settings,
      target.workspaceId,
      app.name,
    );
    labels[`traefik.http.middlewares.${auth}.forwardauth.addAuthCookiesToResponse`] = WORKSPACE_COOKIE;
    // Proof for the workload that forward-auth let this request in (lib/workspace-auth/access-token.ts).
    labels[`traefik.http.middlewares.${auth}.forwardauth.authResponseHeaders`] = ACCESS_HEADER;
    const rule = `Host(\`${appHost(app.name, target.hostKey, settings.workspaceDomain)}\`)`;
    const router = { name, rule, middlewares: [auth, frame], port: app.port };
    Object.assign(labels, routerLabels(settings, router, hostTls(settings)));
  }
  return labels;
}

/**
 * The provider's own labels: the network to reach the workload on. The swarm provider (Traefik 3.2.2+) refuses a
 * service carrying both traefik.docker.* and traefik.swarm.*; lbswarm=false makes it balance over the tasks' own
 * addresses, as a dnsrr service has no virtual IP.
 */
function providerLabels(settings: TraefikSettings): Record<string, string> {
  if (settings.provider === "swarm")
    return { "traefik.swarm.network": settings.network, "traefik.swarm.lbswarm": "false" };
  return { "traefik.docker.network": settings.network };
}

export function traefikLabels(settings: TraefikSettings, target: TraefikTarget): Record<string, string> {
  return {
    "traefik.enable": "true",
    ...providerLabels(settings),
    ...(settings.workspaceDomain ? hostLabels(settings, target) : pathLabels(settings, target)),
  };
}
