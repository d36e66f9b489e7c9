// How a workspace's apps become reachable: Traefik labels (production: their own hosts, or paths of the app's
// host) or loopback ports (local default), and where the app itself reaches them for the readiness probe.
import type { Env } from "@/lib/env";
import { routePath } from "@/lib/ingress/route-path";
import { appPath, type TraefikApp, traefikLabels } from "@/lib/ingress/traefik-labels";
import { appHost } from "@/lib/ingress/workspace-host";
import type { Workload } from "@/lib/runtime/runtime";

export type IngressSettings = Pick<
  Env,
  | "INGRESS"
  | "RUNTIME"
  | "APP_URL"
  | "APP_HOST"
  | "CONTAINER_NETWORK"
  | "TRAEFIK_ENTRYPOINTS"
  | "TRAEFIK_CERT_RESOLVER"
  | "FORWARD_AUTH_URL"
  | "WORKSPACE_DOMAIN"
  | "WORKSPACE_CERT_RESOLVER"
  | "WORKSPACE_WILDCARD_CERT"
>;

export type IngressTarget = {
  workspaceId: string;
  routeKey: string;
  hostKey: string | null;
  apps: TraefikApp[];
};

export function ingressLabels(env: IngressSettings, target: IngressTarget): Record<string, string> {
  if (env.INGRESS !== "traefik") return {};
  return traefikLabels(
    {
      // A Swarm runtime labels services, which Traefik's swarm provider reads.
      provider: env.RUNTIME === "swarm" ? "swarm" : "docker",
      appHost: env.APP_HOST,
      appOrigin: new URL(env.APP_URL).origin,
      network: env.CONTAINER_NETWORK,
      entrypoints: env.TRAEFIK_ENTRYPOINTS,
      certResolver: env.TRAEFIK_CERT_RESOLVER,
      forwardAuthUrl: env.FORWARD_AUTH_URL,
      workspaceDomain: env.WORKSPACE_DOMAIN,
      workspaceCertResolver: env.WORKSPACE_CERT_RESOLVER,
      wildcardCert: env.WORKSPACE_WILDCARD_CERT,
    },
    target,
  );
}

/**
 * The path the primary app is reached under, given to it as SERVICE_BASE_PATH: with path routing Traefik strips
 * /{routeKey} before the request arrives, so its pages must put it back into their asset URLs. On its own host, and
 * locally, it is served at the root.
 */
export function serviceBasePath(
  env: Pick<IngressSettings, "INGRESS" | "WORKSPACE_DOMAIN">,
  routeKey: string,
): string {
  return env.INGRESS === "traefik" && !env.WORKSPACE_DOMAIN ? routePath(routeKey) : "/";
}

export function publishesLoopbackPort(env: Pick<IngressSettings, "INGRESS">): boolean {
  return env.INGRESS === "local";
}

/** The URL a user opens for one app; null locally until the engine has assigned the port (i.e. while not running). */
export function appUrl(
  env: Pick<IngressSettings, "INGRESS" | "APP_URL" | "APP_HOST" | "WORKSPACE_DOMAIN">,
  target: { routeKey: string; hostKey: string | null },
  workload: Pick<Workload, "endpoints"> | null,
  app: TraefikApp,
): string | null {
  if (env.INGRESS === "traefik") {
    const scheme = new URL(env.APP_URL).protocol;
    if (env.WORKSPACE_DOMAIN)
      return target.hostKey ? `${scheme}//${appHost(app.name, target.hostKey, env.WORKSPACE_DOMAIN)}/` : null;
    return `${scheme}//${env.APP_HOST}${appPath(target.routeKey, app)}/`;
  }
  const published = workload?.endpoints.find((endpoint) => endpoint.port === app.port)?.published;
  return published ? `http://${published.host}:${published.port}/` : null;
}

/** Where the app can reach an app's port: the loopback port locally, the workload network behind Traefik. */
export function probeUrl(
  env: Pick<IngressSettings, "INGRESS">,
  workload: Pick<Workload, "endpoints">,
  port: number,
) {
  const endpoint = workload.endpoints.find((candidate) => candidate.port === port);
  if (env.INGRESS === "local")
    return endpoint?.published ? `http://${endpoint.published.host}:${endpoint.published.port}/` : null;
  return endpoint?.address ? `http://${endpoint.address}:${port}/` : null;
}

/** The primary app's URL: what "Open" opens and the seed's service_url. */
export function serviceUrl(
  env: Pick<IngressSettings, "INGRESS" | "APP_URL" | "APP_HOST" | "WORKSPACE_DOMAIN">,
  target: { routeKey: string; hostKey: string | null },
  workload: Pick<Workload, "endpoints"> | null,
  apps: TraefikApp[],
): string | null {
  const primary = apps.find((app) => app.primary) ?? apps[0];
  return primary ? appUrl(env, target, workload, primary) : null;
}
