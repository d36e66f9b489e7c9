// How a workspace becomes reachable: Traefik labels (production) or a loopback port (local default), and where the
// app itself reaches it for the readiness probe.
import type { Env } from "@/lib/env";
import { routePath } from "@/lib/ingress/route-path";
import { traefikLabels } from "@/lib/ingress/traefik-labels";
import type { Workload } from "@/lib/runtime/runtime";

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

export type IngressTarget = { workspaceId: string; routeKey: string; port: number };

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
 * The path a workspace's app is reached under, given to it as SERVICE_BASE_PATH: Traefik strips /{routeKey}
 * before the request arrives, so the page must put it back into its own asset URLs. Locally it is served at the root.
 */
export function serviceBasePath(env: Pick<IngressSettings, "INGRESS">, routeKey: string): string {
  return env.INGRESS === "traefik" ? routePath(routeKey) : "/";
}

export function publishesLoopbackPort(env: Pick<IngressSettings, "INGRESS">): boolean {
  return env.INGRESS === "local";
}

/** The URL a user opens; null in local mode until the engine has assigned the port (i.e. while not running). */
export function serviceUrl(
  env: Pick<IngressSettings, "INGRESS" | "APP_URL" | "APP_HOST">,
  routeKey: string,
  workload: Pick<Workload, "endpoints"> | null,
  port: number,
): string | null {
  if (env.INGRESS === "traefik") {
    const scheme = new URL(env.APP_URL).protocol;
    return `${scheme}//${env.APP_HOST}${routePath(routeKey)}/`;
  }
  const published = workload?.endpoints.find((endpoint) => endpoint.port === port)?.published;
  return published ? `http://${published.host}:${published.port}/` : null;
}

/** Where the app can reach the app's port: the loopback port locally, the workload network behind Traefik. */
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
