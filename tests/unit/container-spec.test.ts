import { describe, expect, it } from "vitest";
import { containerSpecFor } from "@/lib/containers/container-spec-for";
import { parseEnv } from "@/lib/env";
import { serviceBasePath, serviceUrl } from "@/lib/ingress/ingress";
import { buildCreateOptions } from "@/lib/runtime/container-spec";
import { parseContainerType, templatesFrom } from "@/lib/templates/registry";

const base = { AUTH_SECRET: "s".repeat(32) };
const owner = { id: "cm1abc", slug: "ada" };

describe("container spec", () => {
  it("is hardened and limited from settings", () => {
    const env = parseEnv({
      ...base,
      CONTAINER_MEMORY: "1g",
      CONTAINER_CPUS: "1.5",
      CONTAINER_PIDS_LIMIT: "100",
    });
    const options = buildCreateOptions(containerSpecFor(env, owner, templatesFrom(env).dev));
    expect(options.HostConfig).toMatchObject({
      Privileged: false,
      CapDrop: ["ALL"],
      CapAdd: ["CHOWN", "SETUID", "SETGID", "NET_BIND_SERVICE"],
      SecurityOpt: ["no-new-privileges:true"],
      Init: true,
      RestartPolicy: { Name: "unless-stopped" },
      Memory: 1024 ** 3,
      MemorySwap: 1024 ** 3,
      NanoCpus: 1_500_000_000,
      PidsLimit: 100,
      Binds: [],
      Mounts: [],
    });
    expect(options.Env).toEqual([
      "USER_ID=cm1abc",
      "USER_SLUG=ada",
      "CONTAINER_TYPE=dev",
      "SERVICE_BASE_PATH=/",
    ]);
  });

  it("publishes on loopback only in local mode and nothing in Traefik mode", () => {
    const local = parseEnv(base);
    expect(
      buildCreateOptions(containerSpecFor(local, owner, templatesFrom(local).dev)).HostConfig?.PortBindings,
    ).toEqual({
      "8080/tcp": [{ HostIp: "127.0.0.1", HostPort: "" }],
    });
    const traefik = parseEnv({ ...base, INGRESS: "traefik", APP_URL: "https://spawner.example.com" });
    const options = buildCreateOptions(containerSpecFor(traefik, owner, templatesFrom(traefik).prod));
    expect(options.HostConfig?.PortBindings).toEqual({});
    expect(options.Env).toContain("SERVICE_BASE_PATH=/ada-prod");
    expect(options.Labels?.["traefik.http.routers.usercm1abc-prod.rule"]).toBe(
      "Host(`spawner.example.com`) && PathPrefix(`/ada-prod`)",
    );
  });

  it("derives service URLs per ingress", () => {
    const target = { slug: "ada", type: "dev", port: 8080 };
    expect(serviceUrl(parseEnv(base), target, [{ privatePort: 8080, publicPort: 49153 }])).toBe(
      "http://127.0.0.1:49153/",
    );
    expect(serviceUrl(parseEnv(base), target, [])).toBeNull();
    const traefik = parseEnv({ ...base, INGRESS: "traefik", APP_URL: "https://spawner.example.com:8443" });
    expect(serviceUrl(traefik, target, [])).toBe("https://spawner.example.com/ada-dev/");
  });

  it("tells the service the path it is reached under: the Traefik prefix, or the root locally", () => {
    const target = { slug: "ada", type: "prod" };
    const traefik = parseEnv({ ...base, INGRESS: "traefik" });
    expect(serviceBasePath(parseEnv(base), target)).toBe("/");
    expect(serviceBasePath(traefik, target)).toBe("/ada-prod");
    // The page the user opens is that path on the app's host.
    expect(new URL(String(serviceUrl(traefik, { ...target, port: 8080 }, []))).pathname).toBe("/ada-prod/");
    // Never a path a slug could break out of: the same check as the Traefik rule.
    expect(() => serviceBasePath(traefik, { slug: "../x", type: "prod" })).toThrow();
  });

  it("accepts only dev and prod as container types", () => {
    expect(parseContainerType("dev")).toBe("dev");
    for (const bad of ["Dev", "staging", "", " dev", "dev\u0000", undefined, 1, {}]) {
      expect(() => parseContainerType(bad)).toThrow(
        expect.objectContaining({ code: "INVALID_CONTAINER_TYPE", status: 400 }),
      );
    }
  });

  it("refuses capabilities outside the allowlist at start-up", () => {
    expect(() => parseEnv({ ...base, CONTAINER_CAP_ADD: "SYS_ADMIN" })).toThrow(/CONTAINER_CAP_ADD/);
    expect(parseEnv({ ...base, CONTAINER_CAP_ADD: "none" }).CONTAINER_CAP_ADD).toEqual([]);
    expect(() => parseEnv({ ...base, CONTAINER_CAP_ADD: "CHOWN,NET_RAW" })).toThrow(/CONTAINER_CAP_ADD/);
  });
});
