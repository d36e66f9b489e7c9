// How a container becomes reachable: Traefik labels (production) or a loopback port (local default).
import type { Env } from "@/lib/env";
import { routePath } from "@/lib/ingress/route-path";
import { traefikLabels } from "@/lib/ingress/traefik-labels";

type IngressSettings = Pick<
  Env,
  | "INGRESS"
  | "APP_URL"
  | "APP_HOST"
  | "CONTAINER_NETWORK"
  | "TRAEFIK_ENTRYPOINTS"
  | "TRAEFIK_CERT_RESOLVER"
  | "FORWARD_AUTH_URL"
>;

export type IngressTarget = { userId: string; slug: string; type: string; port: number };

/** A published port as Docker reports it, from list (PublicPort) or inspect (HostPort). */
export type PublishedPort = { privatePort: number; publicPort: number };

export function ingressLabels(env: IngressSettings, target: IngressTarget): Record<string, string> {
  if (env.INGRESS !== "traefik") return {};
  return traefikLabels(
    {
      appHost: env.APP_HOST,
      network: env.CONTAINER_NETWORK,
      entrypoints: env.TRAEFIK_ENTRYPOINTS,
      certResolver: env.TRAEFIK_CERT_RESOLVER,
      forwardAuthUrl: env.FORWARD_AUTH_URL,
    },
    target,
  );
}

/**
 * The path a container's service is reached under, given to it as SERVICE_BASE_PATH: Traefik strips /{slug}-{type}
 * before the request arrives, so the page must put it back into its own asset URLs. Locally it is served at the root.
 */
export function serviceBasePath(
  env: Pick<IngressSettings, "INGRESS">,
  target: { slug: string; type: string },
) {
  return env.INGRESS === "traefik" ? routePath(target.slug, target.type) : "/";
}

export function publishesLoopbackPort(env: IngressSettings): boolean {
  return env.INGRESS === "local";
}

/** The URL a user opens; null in local mode until Docker has assigned the port (i.e. while not running). */
export function serviceUrl(
  env: IngressSettings,
  target: Omit<IngressTarget, "userId">,
  ports: PublishedPort[],
): string | null {
  if (env.INGRESS === "traefik") {
    const scheme = new URL(env.APP_URL).protocol;
    return `${scheme}//${env.APP_HOST}${routePath(target.slug, target.type)}/`;
  }
  const published = ports.find((port) => port.privatePort === target.port && port.publicPort > 0);
  return published ? `http://127.0.0.1:${published.publicPort}/` : null;
}
