// Traefik labels for one user container: Host + PathPrefix router, owner-only ForwardAuth, StripPrefix, and no
// Cookie header towards the container (the app's session cookie is for the app alone).
import { routePath, routerName } from "@/lib/ingress/route-path";

export type TraefikSettings = {
  appHost: string;
  network: string;
  entrypoints: string[];
  certResolver: string;
  forwardAuthUrl: string;
};

export type TraefikTarget = { userId: string; slug: string; type: string; port: number };

export function traefikLabels(settings: TraefikSettings, target: TraefikTarget): Record<string, string> {
  const name = routerName(target.userId, target.type);
  const path = routePath(target.slug, target.type);
  const auth = new URL(settings.forwardAuthUrl);
  // The address names the owner, so the decision never depends on how a client spelled the path.
  auth.searchParams.set("uid", target.userId);
  auth.searchParams.set("type", target.type);
  const router = `traefik.http.routers.${name}`;
  const labels: Record<string, string> = {
    "traefik.enable": "true",
    "traefik.docker.network": settings.network,
    [`${router}.rule`]: `Host(\`${settings.appHost}\`) && PathPrefix(\`${path}\`)`,
    [`${router}.entrypoints`]: settings.entrypoints.join(","),
    [`${router}.service`]: name,
    [`${router}.middlewares`]: `${name}-auth,${name}-strip,${name}-nocookie`,
    [`traefik.http.middlewares.${name}-auth.forwardauth.address`]: auth.toString(),
    [`traefik.http.middlewares.${name}-strip.stripprefix.prefixes`]: path,
    // Forward-auth needs the session cookie; the container must never see it (an empty value removes a header).
    [`traefik.http.middlewares.${name}-nocookie.headers.customrequestheaders.Cookie`]: "",
    [`traefik.http.services.${name}.loadbalancer.server.port`]: String(target.port),
  };
  if (settings.certResolver) labels[`${router}.tls.certresolver`] = settings.certResolver;
  return labels;
}
