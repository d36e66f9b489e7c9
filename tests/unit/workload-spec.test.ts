import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { appUrl, serviceBasePath, serviceUrl } from "@/lib/ingress/ingress";
import { buildCreateOptions } from "@/lib/runtime/docker/create-options";
import { seededTemplateRows } from "@/lib/templates/seeded-templates";
import { templateFromRow } from "@/lib/templates/template";
import { workspaceAccessToken } from "@/lib/workspace-auth/access-token";
import { parseSlotType } from "@/lib/workspaces/launch-slot";
import { EMPTY_SETTINGS } from "@/lib/workspaces/settings";
import { workloadSpecFor } from "@/lib/workspaces/workload-spec";

const base = { AUTH_SECRET: "s".repeat(32) };
const owner = { id: "cm1abc", slug: "ada" };
const templateOf = (env: ReturnType<typeof parseEnv>, name: "dev" | "prod") => {
  const row = seededTemplateRows(env).find((candidate) => candidate.name === name);
  if (!row) throw new Error("seeded template missing");
  return templateFromRow({ ...row, id: `tpl-${name}` });
};
const workspace = (name: string, settings = EMPTY_SETTINGS) => ({
  id: "w1",
  name,
  routeKey: `ada-${name}`,
  hostKey: `ada-${name}`,
  workloadName: `ws-ada-${name}-w1`,
  volumeName: `ws-ada-${name}-w1`,
  settings,
});

describe("workload spec", () => {
  it("is hardened and limited from settings, with its data volume at the template's data path", () => {
    const env = parseEnv({
      ...base,
      CONTAINER_MEMORY: "1g",
      CONTAINER_CPUS: "1.5",
      CONTAINER_PIDS_LIMIT: "100",
    });
    const options = buildCreateOptions(workloadSpecFor(env, workspace("dev"), owner, templateOf(env, "dev")));
    expect(options.name).toBe("ws-ada-dev-w1");
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
    });
    // The only mount is a named volume: never a host path.
    expect(options.HostConfig?.Mounts).toEqual([
      {
        Type: "volume",
        Source: "ws-ada-dev-w1",
        Target: "/workspace",
        VolumeOptions: {
          NoCopy: false,
          Labels: {
            "spawner.managed-by": "spawner",
            "spawner.workspace-id": "w1",
            "spawner.owner-id": "cm1abc",
          },
          DriverConfig: { Name: "local", Options: {} },
        },
      },
    ]);
    expect(options.Env).toEqual([
      "USER_ID=cm1abc",
      "USER_SLUG=ada",
      "CONTAINER_TYPE=dev",
      "SERVICE_BASE_PATH=/",
      "WORKSPACE_ID=w1",
      "WORKSPACE_NAME=dev",
      "WORKSPACE_DATA=/workspace",
    ]);
    expect(options.Labels).toMatchObject({
      "spawner.managed-by": "spawner",
      "spawner.workspace-id": "w1",
      "spawner.owner-id": "cm1abc",
      "spawner.workspace": "dev",
      "spawner.template": "dev",
    });
  });

  it("passes the workspace's own variables and limits, the app's names last", () => {
    const env = parseEnv(base);
    const settings = {
      git: null,
      env: [{ key: "GREETING", value: "hi there" }],
      limits: { memoryMb: 256, pids: 32 },
    };
    const spec = workloadSpecFor(env, workspace("api", settings), owner, templateOf(env, "dev"));
    expect(Object.keys(spec.env)[0]).toBe("GREETING");
    expect(spec.env).toMatchObject({ GREETING: "hi there", WORKSPACE_NAME: "api", CONTAINER_TYPE: "dev" });
    expect(spec.limits).toEqual({ memoryBytes: 256 * 1024 * 1024, cpus: 1, pidsLimit: 32 });
    expect(spec.hostname).toBe("ada-api");
  });

  it("publishes on loopback only in local mode and nothing in Traefik mode", () => {
    const local = parseEnv(base);
    expect(
      buildCreateOptions(workloadSpecFor(local, workspace("dev"), owner, templateOf(local, "dev"))).HostConfig
        ?.PortBindings,
    ).toEqual({
      "8080/tcp": [{ HostIp: "127.0.0.1", HostPort: "" }],
    });
    const traefik = parseEnv({
      ...base,
      INGRESS: "traefik",
      ROUTING: "path",
      APP_URL: "https://spawner.example.com",
    });
    const options = buildCreateOptions(
      workloadSpecFor(traefik, workspace("prod"), owner, templateOf(traefik, "prod")),
    );
    expect(options.HostConfig?.PortBindings).toEqual({});
    expect(options.Env).toContain("SERVICE_BASE_PATH=/ada-prod");
    expect(options.Labels?.["traefik.http.routers.wsw1.rule"]).toBe(
      "Host(`spawner.example.com`) && (Path(`/ada-prod`) || PathPrefix(`/ada-prod/`))",
    );
    // On its own host (the default behind Traefik) it is served at the root.
    const hosts = parseEnv({
      ...base,
      INGRESS: "traefik",
      WORKSPACE_DOMAIN: "ws.example.com",
      APP_URL: "https://spawner.example.com",
    });
    const own = buildCreateOptions(
      workloadSpecFor(hosts, workspace("prod"), owner, templateOf(hosts, "prod")),
    );
    expect(own.HostConfig?.PortBindings).toEqual({});
    expect(own.Env).toContain("SERVICE_BASE_PATH=/");
    expect(own.Labels?.["traefik.http.routers.wsw1-web.rule"]).toBe("Host(`web--ada-prod.ws.example.com`)");
  });

  it("gives a workload behind Traefik the proof forward-auth adds to requests: its own, derived from AUTH_SECRET", () => {
    const traefik = parseEnv({ ...base, INGRESS: "traefik", WORKSPACE_DOMAIN: "ws.example.com" });
    const spec = workloadSpecFor(traefik, workspace("dev"), owner, templateOf(traefik, "dev"));
    const token = spec.env.WORKSPACE_ACCESS_TOKEN ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).toBe(workspaceAccessToken(traefik.AUTH_SECRET, "w1"));
    expect(workspaceAccessToken(traefik.AUTH_SECRET, "w2")).not.toBe(token);
    expect(workspaceAccessToken(`${traefik.AUTH_SECRET}x`, "w1")).not.toBe(token);
    // Locally nothing stands in front of the port that could add it.
    const local = parseEnv(base);
    expect(workloadSpecFor(local, workspace("dev"), owner, templateOf(local, "dev")).env).not.toHaveProperty(
      "WORKSPACE_ACCESS_TOKEN",
    );
  });

  it("derives service URLs per ingress", () => {
    const apps = [
      { name: "web", port: 8080, primary: true },
      { name: "api", port: 3000, primary: false },
    ];
    const keys = { routeKey: "ada-dev", hostKey: "ada-dev" };
    const published = { endpoints: [{ port: 8080, published: { host: "127.0.0.1", port: 49153 } }] };
    expect(serviceUrl(parseEnv(base), keys, published, apps)).toBe("http://127.0.0.1:49153/");
    expect(serviceUrl(parseEnv(base), keys, { endpoints: [] }, apps)).toBeNull();
    expect(serviceUrl(parseEnv(base), keys, null, apps)).toBeNull();
    const path = parseEnv({
      ...base,
      INGRESS: "traefik",
      ROUTING: "path",
      APP_URL: "https://spawner.example.com:8443",
    });
    expect(serviceUrl(path, keys, null, apps)).toBe("https://spawner.example.com/ada-dev/");
    expect(appUrl(path, keys, null, apps[1] as (typeof apps)[number])).toBe(
      "https://spawner.example.com/ada-dev.api/",
    );
    const hosts = parseEnv({
      ...base,
      INGRESS: "traefik",
      WORKSPACE_DOMAIN: "WS.example.com",
      APP_URL: "https://spawner.example.com",
    });
    expect(serviceUrl(hosts, keys, null, apps)).toBe("https://web--ada-dev.ws.example.com/");
    expect(appUrl(hosts, keys, null, apps[1] as (typeof apps)[number])).toBe(
      "https://api--ada-dev.ws.example.com/",
    );
    expect(() => parseEnv({ ...base, INGRESS: "traefik" })).toThrow(/WORKSPACE_DOMAIN is required/);
  });

  it("tells the app the path it is reached under: the Traefik prefix, or the root", () => {
    const path = parseEnv({ ...base, INGRESS: "traefik", ROUTING: "path" });
    expect(serviceBasePath(parseEnv(base), "ada-prod")).toBe("/");
    expect(serviceBasePath(path, "ada-prod")).toBe("/ada-prod");
    expect(
      serviceBasePath(
        parseEnv({ ...base, INGRESS: "traefik", WORKSPACE_DOMAIN: "ws.example.com" }),
        "ada-prod",
      ),
    ).toBe("/");
    // Never a path a key could break out of: the same check as the Traefik rule.
    expect(() => serviceBasePath(path, "../x")).toThrow();
  });

  it("accepts only dev and prod as slot types", () => {
    expect(parseSlotType("dev")).toBe("dev");
    for (const bad of ["Dev", "staging", "", " dev", "dev\u0000", undefined, 1, {}]) {
      expect(() => parseSlotType(bad)).toThrow(
        expect.objectContaining({ code: "INVALID_CONTAINER_TYPE", status: 400 }),
      );
    }
  });

  it("refuses capabilities outside the allowlist at start-up", () => {
    expect(() => parseEnv({ ...base, CONTAINER_CAP_ADD: "SYS_ADMIN" })).toThrow(/CONTAINER_CAP_ADD/);
    expect(parseEnv({ ...base, CONTAINER_CAP_ADD: "none" }).CONTAINER_CAP_ADD).toEqual([]);
    expect(() => parseEnv({ ...base, CONTAINER_CAP_ADD: "CHOWN,NET_RAW" })).toThrow(/CONTAINER_CAP_ADD/);
  });

  it("seeds dev and prod from the settings, maxima never below the defaults", () => {
    const env = parseEnv({
      ...base,
      CONTAINER_MEMORY: "3g",
      CONTAINER_MAX_MEMORY: "2g",
      USER_TEMPLATE_PORT_PROD: "3000",
    });
    const prod = templateOf(env, "prod");
    expect(prod.defaults.memoryMb).toBe(3072);
    expect(prod.maxima.memoryMb).toBe(3072);
    expect(prod.apps).toEqual([{ name: "web", port: 3000, primary: true }]);
    expect(prod.dataPath).toBe("/workspace");
  });
});
