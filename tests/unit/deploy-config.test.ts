// The production stack agrees with itself: the labels the app writes on user containers name the network,
// entrypoints, certificate resolver and forward-auth address that docker-compose.yml and traefik.yml set up.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { ingressLabels } from "@/lib/ingress/ingress";
import { routerName } from "@/lib/ingress/route-path";
import { labelMap, readCompose, readEnvFile, readTraefikConfig } from "../support/deploy-files";

const dotenv = readEnvFile(".env.example");
const compose = readCompose(dotenv);
const app = compose.services.app ?? {};
const traefik = compose.services.traefik ?? {};
const traefikConfig = readTraefikConfig(traefik.environment ?? {}) as {
  entryPoints: Record<string, { address: string; http?: { redirections?: unknown } }>;
  providers: { docker: { exposedByDefault: boolean; network: string } };
  certificatesResolvers: Record<string, { acme: { email: string; storage: string } }>;
  api?: { dashboard?: boolean; insecure?: boolean };
  accessLog?: unknown;
};
const appEnv = parseEnv({ ...(app.environment ?? {}), NODE_ENV: "production" });
const appLabels = labelMap(app.labels);
const userLabels = ingressLabels(appEnv, { userId: "u1", slug: "ada", type: "dev", port: 8080 });
const name = routerName("u1", "dev");
const userRouter = `traefik.http.routers.${name}`;
const routerOf = (labels: Record<string, string>, router: string, key: string) => labels[`${router}.${key}`];

describe("docker-compose.yml, traefik.yml and the app's user-container labels", () => {
  it("run the app in Traefik mode behind the configured host", () => {
    expect(appEnv.INGRESS).toBe("traefik");
    expect(appEnv.APP_URL).toBe(`https://${dotenv.SPAWNER_HOST}`);
    expect(Object.keys(userLabels)).toContain(`${userRouter}.rule`);
    expect(routerOf(userLabels, userRouter, "rule")).toBe(
      `Host(\`${dotenv.SPAWNER_HOST}\`) && PathPrefix(\`/ada-dev\`)`,
    );
    expect(appLabels["traefik.http.routers.spawner.rule"]).toBe(`Host(\`${dotenv.SPAWNER_HOST}\`)`);
  });

  it("share one network: compose creates it, Traefik watches it, app and user containers are on it", () => {
    const network = compose.networks.spawner?.name;
    expect(network).toBe(dotenv.CONTAINER_NETWORK);
    expect(traefikConfig.providers.docker.network).toBe(network);
    expect(appEnv.CONTAINER_NETWORK).toBe(network);
    expect(userLabels["traefik.docker.network"]).toBe(network);
    expect(appLabels["traefik.docker.network"]).toBe(network);
    expect(app.networks).toContain("spawner");
    expect(traefik.networks).toContain("spawner");
  });

  it("route user containers only through entrypoints Traefik defines, the same as the app's", () => {
    const entrypoints = routerOf(userLabels, userRouter, "entrypoints")?.split(",") ?? [];
    expect(entrypoints.length).toBeGreaterThan(0);
    for (const name of entrypoints) expect(Object.keys(traefikConfig.entryPoints)).toContain(name);
    expect(entrypoints).toEqual(appLabels["traefik.http.routers.spawner.entrypoints"]?.split(","));
    // Plain HTTP only redirects; nothing is served on it.
    expect(traefikConfig.entryPoints.web?.http?.redirections).toBeDefined();
  });

  it("use one certificate resolver, defined with email and storage from the environment", () => {
    const resolver = routerOf(userLabels, userRouter, "tls.certresolver");
    expect(resolver).toBeTruthy();
    expect(appLabels["traefik.http.routers.spawner.tls.certresolver"]).toBe(resolver);
    const acme = traefikConfig.certificatesResolvers[resolver ?? ""]?.acme;
    expect(acme?.email).toBe(dotenv.ACME_EMAIL);
    expect(acme?.storage).toBe(traefik.environment?.ACME_STORAGE);
    expect(traefik.volumes?.some((volume) => volume.startsWith("letsencrypt:/letsencrypt"))).toBe(true);
  });

  it("send forward-auth to the app service on the shared network, on the port Traefik routes to", () => {
    const address = new URL(
      userLabels[`traefik.http.middlewares.${name}-auth.forwardauth.address`] ?? "http://invalid",
    );
    expect(address.hostname).toBe("app");
    expect(address.pathname).toBe("/api/forward-auth");
    expect(address.searchParams.get("uid")).toBe("u1");
    expect(address.port).toBe(appLabels["traefik.http.services.spawner.loadbalancer.server.port"]);
    expect(routerOf(userLabels, userRouter, "middlewares")).toBe(`${name}-auth,${name}-strip`);
  });

  it("expose nothing by default, keep the dashboard off and log access", () => {
    expect(traefikConfig.providers.docker.exposedByDefault).toBe(false);
    expect(traefikConfig.api?.dashboard).toBe(false);
    expect(traefikConfig.api?.insecure).toBe(false);
    expect(traefikConfig.accessLog).toBeDefined();
  });

  it("give the app's catch-all router the lowest priority, so user routes win", () => {
    expect(appLabels["traefik.http.routers.spawner.priority"]).toBe("1");
  });

  it("explain every variable the compose file reads in .env.example", () => {
    const used = new Set(
      [...readFileSync("docker-compose.yml", "utf8").matchAll(/\$\{([A-Z0-9_]+)/g)].map((m) => m[1]),
    );
    const lines = readFileSync(".env.example", "utf8").split("\n");
    for (const name of used) {
      let at = lines.findIndex((line) => line.startsWith(`${name}=`));
      expect(at, `${name} missing from .env.example`).toBeGreaterThan(0);
      // A variable (or a group of related ones) is explained by the comment right above it.
      while (/^[A-Z0-9_]+=/.test(lines[at - 1] ?? "")) at -= 1;
      expect(lines[at - 1], `${name} has no explanation`).toMatch(/^# \S/);
    }
  });

  it("fill every placeholder of traefik.yml in its entrypoint script", () => {
    const placeholders = [...readFileSync("traefik.yml", "utf8").matchAll(/\$\{([A-Z0-9_]+)\}/g)].map(
      (m) => m[1],
    );
    const script = readFileSync("deploy/traefik-entrypoint.sh", "utf8");
    for (const name of placeholders) expect(script).toContain(`s|\\\${${name}}|$${name}|g`);
  });
});
