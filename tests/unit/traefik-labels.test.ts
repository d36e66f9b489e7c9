import { describe, expect, it } from "vitest";
import { routePath, routerName } from "@/lib/ingress/route-path";
import { traefikLabels } from "@/lib/ingress/traefik-labels";

const settings = {
  appHost: "spawner.example.com",
  network: "spawner",
  entrypoints: ["websecure"],
  certResolver: "letsencrypt",
  forwardAuthUrl: "http://app:3000/api/forward-auth",
};

describe("traefikLabels", () => {
  it("routes Host + the workspace's path through owner-only forward-auth, strips the prefix and the Cookie header", () => {
    expect(traefikLabels(settings, { workspaceId: "cm1abc", routeKey: "ada-dev", port: 8080 })).toEqual({
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
      "traefik.http.middlewares.wscm1abc-strip.stripprefix.prefixes": "/ada-dev",
      "traefik.http.middlewares.wscm1abc-nocookie.headers.customrequestheaders.Cookie": "",
      "traefik.http.services.wscm1abc.loadbalancer.server.port": "8080",
    });
  });

  it("leaves TLS to the entrypoint when no cert resolver is set", () => {
    const labels = traefikLabels(
      { ...settings, certResolver: "", entrypoints: ["web", "websecure"] },
      { workspaceId: "w1", routeKey: "bob-prod", port: 3000 },
    );
    expect(Object.keys(labels).some((key) => key.includes("certresolver"))).toBe(false);
    expect(labels["traefik.http.routers.wsw1.entrypoints"]).toBe("web,websecure");
  });

  it("never lets user text into a rule or label key unescaped", () => {
    for (const key of ["ada`) || Host(`evil", "ada dev", "ADA", "-ada", "ada-", "a/b", "ada\n"]) {
      expect(() => routePath(key)).toThrow();
      expect(() => traefikLabels(settings, { workspaceId: "w1", routeKey: key, port: 8080 })).toThrow();
    }
    expect(routerName("w1.x`) ||")).toBe("wsw1x");
    for (const key of Object.keys(
      traefikLabels(settings, { workspaceId: "u.1`x", routeKey: "ada-dev", port: 1 }),
    )) {
      expect(key).toMatch(/^[a-z0-9.-]+$/i);
    }
  });
});
