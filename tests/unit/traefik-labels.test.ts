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
  it("routes Host + PathPrefix through owner-only forward-auth, strips the prefix and the Cookie header", () => {
    expect(traefikLabels(settings, { userId: "cm1abc", slug: "ada", type: "dev", port: 8080 })).toEqual({
      "traefik.enable": "true",
      "traefik.docker.network": "spawner",
      "traefik.http.routers.usercm1abc-dev.rule": "Host(`spawner.example.com`) && PathPrefix(`/ada-dev`)",
      "traefik.http.routers.usercm1abc-dev.entrypoints": "websecure",
      "traefik.http.routers.usercm1abc-dev.service": "usercm1abc-dev",
      "traefik.http.routers.usercm1abc-dev.middlewares":
        "usercm1abc-dev-auth,usercm1abc-dev-strip,usercm1abc-dev-nocookie",
      "traefik.http.routers.usercm1abc-dev.tls.certresolver": "letsencrypt",
      "traefik.http.middlewares.usercm1abc-dev-auth.forwardauth.address":
        "http://app:3000/api/forward-auth?uid=cm1abc&type=dev",
      "traefik.http.middlewares.usercm1abc-dev-strip.stripprefix.prefixes": "/ada-dev",
      "traefik.http.middlewares.usercm1abc-dev-nocookie.headers.customrequestheaders.Cookie": "",
      "traefik.http.services.usercm1abc-dev.loadbalancer.server.port": "8080",
    });
  });

  it("leaves TLS to the entrypoint when no cert resolver is set", () => {
    const labels = traefikLabels(
      { ...settings, certResolver: "", entrypoints: ["web", "websecure"] },
      {
        userId: "u1",
        slug: "bob",
        type: "prod",
        port: 3000,
      },
    );
    expect(Object.keys(labels).some((key) => key.includes("certresolver"))).toBe(false);
    expect(labels["traefik.http.routers.useru1-prod.entrypoints"]).toBe("web,websecure");
  });

  it("never lets user text into a rule or label key unescaped", () => {
    for (const slug of ["ada`) || Host(`evil", "ada dev", "ADA", "-ada", "ada-", "a/b", "ada\n"]) {
      expect(() => routePath(slug, "dev")).toThrow();
      expect(() => traefikLabels(settings, { userId: "u1", slug, type: "dev", port: 8080 })).toThrow();
    }
    expect(routerName("u1.x`) ||", "dev")).toBe("useru1x-dev");
    for (const key of Object.keys(
      traefikLabels(settings, { userId: "u.1`x", slug: "ada", type: "dev", port: 1 }),
    )) {
      expect(key).toMatch(/^[a-z0-9.-]+$/i);
    }
  });
});
