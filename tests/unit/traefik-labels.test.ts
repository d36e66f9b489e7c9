import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { ingressLabels } from "@/lib/ingress/ingress";
import { routePath, routerName } from "@/lib/ingress/route-path";
import { traefikLabels } from "@/lib/ingress/traefik-labels";

const settings = {
  provider: "docker" as const,
  appHost: "spawner.example.com",
  appOrigin: "https://spawner.example.com",
  network: "spawner",
  entrypoints: ["websecure"],
  certResolver: "letsencrypt",
  forwardAuthUrl: "http://app:3000/api/forward-auth",
  workspaceDomain: "",
  workspaceCertResolver: "letsencrypt",
  wildcardCert: false,
};
const web = { name: "web", port: 8080, primary: true };
const target = { workspaceId: "cm1abc", routeKey: "ada-dev", hostKey: "ada-dev", apps: [web] };

describe("traefikLabels with path routing", () => {
  it("routes Host + the workspace's path through owner-only forward-auth, strips the prefix and the Cookie header", () => {
    expect(traefikLabels(settings, target)).toEqual({
      "traefik.enable": "true",
      "traefik.docker.network": "spawner",
      "traefik.http.routers.wscm1abc.rule":
        "Host(`spawner.example.com`) && (Path(`/ada-dev`) || PathPrefix(`/ada-dev/`))",
      "traefik.http.routers.wscm1abc.entrypoints": "websecure",
      "traefik.http.routers.wscm1abc.service": "wscm1abc",
      "traefik.http.routers.wscm1abc.middlewares": "wscm1abc-auth,wscm1abc-strip,wscm1abc-nocookie",
      "traefik.http.routers.wscm1abc.tls.certresolver": "letsencrypt",
      "traefik.http.middlewares.wscm1abc-auth.forwardauth.address":
        "http://app:3000/api/forward-auth?ws=cm1abc",
      "traefik.http.middlewares.wscm1abc-auth.forwardauth.authResponseHeaders": "X-Spawner-Access",
      "traefik.http.middlewares.wscm1abc-strip.stripprefix.prefixes": "/ada-dev",
      "traefik.http.middlewares.wscm1abc-nocookie.headers.customrequestheaders.Cookie": "",
      "traefik.http.services.wscm1abc.loadbalancer.server.port": "8080",
    });
  });

  it("serves a second app under /{routeKey}.{app} on its own port", () => {
    const labels = traefikLabels(settings, {
      ...target,
      apps: [web, { name: "api", port: 3000, primary: false }],
    });
    expect(labels["traefik.http.routers.wscm1abc-api.rule"]).toBe(
      "Host(`spawner.example.com`) && (Path(`/ada-dev.api`) || PathPrefix(`/ada-dev.api/`))",
    );
    expect(labels["traefik.http.middlewares.wscm1abc-api-strip.stripprefix.prefixes"]).toBe("/ada-dev.api");
    expect(labels["traefik.http.services.wscm1abc-api.loadbalancer.server.port"]).toBe("3000");
  });

  it("leaves TLS to the entrypoint when no cert resolver is set", () => {
    const labels = traefikLabels(
      { ...settings, certResolver: "", entrypoints: ["web", "websecure"] },
      target,
    );
    expect(Object.keys(labels).some((key) => key.includes("certresolver"))).toBe(false);
    expect(labels["traefik.http.routers.wscm1abc.entrypoints"]).toBe("web,websecure");
  });

  it("never lets user text into a rule or label key unescaped", () => {
    for (const key of ["ada`) || Host(`evil", "ada dev", "ADA", "-ada", "ada-", "a/b", "ada\n"]) {
      expect(() => routePath(key)).toThrow();
      expect(() => traefikLabels(settings, { ...target, routeKey: key })).toThrow();
      expect(() =>
        traefikLabels({ ...settings, workspaceDomain: "ws.example.com" }, { ...target, hostKey: key }),
      ).toThrow();
    }
    expect(routerName("w1.x`) ||")).toBe("wsw1x");
    for (const key of Object.keys(traefikLabels(settings, { ...target, workspaceId: "u.1`x" })))
      expect(key).toMatch(/^[a-z0-9.-]+$/i);
  });
});

describe("traefikLabels with subdomain routing", () => {
  const subdomains = { ...settings, workspaceDomain: "ws.example.com" };

  it("gives each app its own host, forward-auth naming workspace and app, the renewed cookie and framing by the app only", () => {
    const labels = traefikLabels(subdomains, {
      ...target,
      apps: [web, { name: "api", port: 3000, primary: false }],
    });
    expect(labels).toMatchObject({
      "traefik.http.routers.wscm1abc-web.rule": "Host(`web--ada-dev.ws.example.com`)",
      "traefik.http.routers.wscm1abc-web.middlewares": "wscm1abc-web-auth,wscm1abc-frame",
      "traefik.http.routers.wscm1abc-web.tls.certresolver": "letsencrypt",
      "traefik.http.services.wscm1abc-web.loadbalancer.server.port": "8080",
      "traefik.http.middlewares.wscm1abc-web-auth.forwardauth.address":
        "http://app:3000/api/forward-auth?ws=cm1abc&app=web",
      "traefik.http.middlewares.wscm1abc-web-auth.forwardauth.addAuthCookiesToResponse": "__Host-spawner-ws",
      "traefik.http.middlewares.wscm1abc-web-auth.forwardauth.authResponseHeaders": "X-Spawner-Access",
      "traefik.http.routers.wscm1abc-api.rule": "Host(`api--ada-dev.ws.example.com`)",
      "traefik.http.services.wscm1abc-api.loadbalancer.server.port": "3000",
      "traefik.http.middlewares.wscm1abc-frame.headers.customresponseheaders.Content-Security-Policy":
        "frame-ancestors https://spawner.example.com",
      "traefik.http.middlewares.wscm1abc-frame.headers.customresponseheaders.X-Frame-Options": "",
    });
    // No path tricks on its own host: nothing is stripped, and its cookies are its own.
    expect(
      Object.keys(labels).some((key) => key.includes("stripprefix") || key.includes("customrequestheaders")),
    ).toBe(false);
  });

  it("names one wildcard certificate on every router when the resolver issues one, and another resolver if set", () => {
    const labels = traefikLabels(
      { ...subdomains, workspaceCertResolver: "letsencrypt-dns", wildcardCert: true },
      { ...target, apps: [web, { name: "api", port: 3000, primary: false }] },
    );
    for (const router of ["wscm1abc-web", "wscm1abc-api"]) {
      expect(labels[`traefik.http.routers.${router}.tls.certresolver`]).toBe("letsencrypt-dns");
      expect(labels[`traefik.http.routers.${router}.tls.domains[0].main`]).toBe("*.ws.example.com");
    }
    const none = traefikLabels({ ...subdomains, workspaceCertResolver: "" }, target);
    expect(Object.keys(none).some((key) => key.includes(".tls."))).toBe(false);
  });

  it("refuses to label a workspace without a host key", () => {
    expect(() => traefikLabels(subdomains, { ...target, hostKey: null })).toThrow(/host key/);
  });
});

describe("traefikLabels for Traefik's swarm provider", () => {
  const both = { ...target, apps: [web, { name: "api", port: 3000, primary: false }] };
  const withoutProvider = (labels: Record<string, string>) =>
    Object.fromEntries(Object.entries(labels).filter(([key]) => !/^traefik\.(docker|swarm)\./.test(key)));

  it("names the network with traefik.swarm.* and balances over the task addresses (dnsrr has no virtual IP)", () => {
    const labels = traefikLabels({ ...settings, provider: "swarm" }, target);
    expect(labels["traefik.swarm.network"]).toBe("spawner");
    expect(labels["traefik.swarm.lbswarm"]).toBe("false");
    // Traefik refuses a service that carries both providers' labels.
    expect(Object.keys(labels).some((key) => key.startsWith("traefik.docker."))).toBe(false);
  });

  it("keeps every other label as the docker provider gets them, with path or subdomain routing", () => {
    for (const workspaceDomain of ["", "ws.example.com"]) {
      const docker = traefikLabels({ ...settings, workspaceDomain }, both);
      const swarm = traefikLabels({ ...settings, workspaceDomain, provider: "swarm" }, both);
      expect(withoutProvider(swarm)).toEqual(withoutProvider(docker));
      // The swarm provider can't detect a service's port: every Traefik service names its own.
      for (const key of Object.keys(swarm).filter((name) => name.endsWith(".service")))
        expect(swarm[`traefik.http.services.${swarm[key]}.loadbalancer.server.port`]).toMatch(/^\d+$/);
    }
  });
});

describe("ingressLabels follow RUNTIME", () => {
  const env = (runtime: string) =>
    parseEnv({
      AUTH_SECRET: "s".repeat(32),
      INGRESS: "traefik",
      APP_URL: "https://spawner.example.com",
      APP_HOST: "spawner.example.com",
      WORKSPACE_DOMAIN: "ws.example.com",
      CONTAINER_NETWORK: "spawner-net",
      RUNTIME: runtime,
    });

  it("writes the docker provider's network label for containers and the swarm provider's for services", () => {
    const docker = ingressLabels(env("docker"), target);
    const swarm = ingressLabels(env("swarm"), target);
    expect(docker["traefik.docker.network"]).toBe("spawner-net");
    expect(docker["traefik.swarm.network"]).toBeUndefined();
    expect(swarm["traefik.swarm.network"]).toBe("spawner-net");
    expect(swarm["traefik.swarm.lbswarm"]).toBe("false");
    expect(swarm["traefik.docker.network"]).toBeUndefined();
    expect(Object.keys(swarm).length).toBe(Object.keys(docker).length + 1);
  });
});
