// Traefik labels for one workspace: Host + path router, owner-only ForwardAuth, StripPrefix, and no Cookie header
// towards the workspace (the app's session cookie is for the app alone).
import { routePath, routerName } from "@/lib/ingress/route-path";

export type TraefikSettings = {
  appHost: string;
  network: string;
  entrypoints: string[];
  certResolver: string;
  forwardAuthUrl: string;
};

export type TraefikTarget = { workspaceId: string; routeKey: string; port: number };

export function traefikLabels(settings: TraefikSettings, target: TraefikTarget): Record<string, string> {
  const name = routerName(target.workspaceId);
  const path = routePath(target.routeKey);
  const auth = new URL(settings.forwardAuthUrl);
  // The address names the workspace, so the decision never depends on how a client spelled the path.
  auth.searchParams.set("ws", target.workspaceId);
  const router = `traefik.http.routers.${name}`;
  const labels: Record<string, string> = {
    "traefik.enable": "true",
    "traefik.docker.network": settings.network,
    // The exact path or below it: /ada-dev must not also catch /ada-dev-x (another workspace's key).
    [`${router}.rule`]: `Host(\`${settings.appHost}\`) && (Path(\`${path}\`) || PathPrefix(\`${path}/\`))`,
    [`${router}.entrypoints`]: settings.entrypoints.join(","),
    [`${router}.service`]: name,
    [`${router}.middlewares`]: `${name}-auth,${name}-strip,${name}-nocookie`,
    [`traefik.http.middlewares.${name}-auth.forwardauth.address`]: auth.toString(),
    [`traefik.http.middlewares.${name}-strip.stripprefix.prefixes`]: path,
    // Forward-auth needs the session cookie; the workspace must never see it (an empty value removes a header).
    [`traefik.http.middlewares.${name}-nocookie.headers.customrequestheaders.Cookie`]: "",
    [`traefik.http.services.${name}.loadbalancer.server.port`]: String(target.port),
  };
  if (settings.certResolver) labels[`${router}.tls.certresolver`] = settings.certResolver;
  return labels;
}
