// The Swarm stack agrees with itself and with the app: deploy/swarm/stack.yml and deploy/swarm/traefik.yml set up
// the overlay, entrypoints, certificate resolver and forward-auth address that the labels the app writes on
// RUNTIME=swarm name — and stay docker-compose.yml's stack in all else.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { ingressLabels } from "@/lib/ingress/ingress";
import { routerName } from "@/lib/ingress/route-path";
import {
  labelMap,
  readCompose,
  readEnvFile,
  readStack,
  readTraefikConfig,
  STACK_FILE,
  SWARM_TRAEFIK_FILE,
} from "../support/deploy-files";

type TraefikConfig = {
  entryPoints: Record<string, { address: string }>;
  providers: Record<string, { exposedByDefault?: boolean; network?: string; endpoint?: string }>;
  certificatesResolvers: Record<string, { acme: { email: string; storage: string } }>;
  [key: string]: unknown;
};

const dotenv = readEnvFile(".env.example");
const stack = readStack(dotenv);
const compose = readCompose(dotenv);
const app = stack.services.app ?? {};
const traefik = stack.services.traefik ?? {};
const traefikConfig = readTraefikConfig(
  traefik.environment ?? {},
  readFileSync(SWARM_TRAEFIK_FILE, "utf8"),
) as TraefikConfig;
const secretFile = `/run/secrets/${app.secrets?.[0]?.target}`;
// AUTH_SECRET comes from the secret's file (deploy/app-entrypoint.sh) before the app reads its settings.
const appEnv = parseEnv({ ...app.environment, AUTH_SECRET: "from-the-swarm-secret".padEnd(64, "x") });
const appLabels = labelMap(app.deploy?.labels);
const target = {
  workspaceId: "w1",
  routeKey: "ada-dev",
  hostKey: "ada-dev",
  apps: [{ name: "web", port: 8080, primary: true }],
};
const userLabels = ingressLabels(appEnv, target);
const name = `${routerName("w1")}-web`;
const userRouter = `traefik.http.routers.${name}`;
const overlay = stack.networks.spawner;

describe("deploy/swarm/stack.yml, deploy/swarm/traefik.yml and the labels the app writes on RUNTIME=swarm", () => {
  it("run the app on the Swarm runtime behind Traefik's swarm provider alone", () => {
    expect(appEnv.RUNTIME).toBe("swarm");
    expect(appEnv.INGRESS).toBe("traefik");
    expect(Object.keys(traefikConfig.providers)).toEqual(["swarm"]);
    expect(traefikConfig.providers.swarm?.exposedByDefault).toBe(false);
    expect(traefikConfig.providers.swarm?.endpoint).toBe("unix:///var/run/docker.sock");
    expect(traefik.volumes).toContain("/var/run/docker.sock:/var/run/docker.sock:ro");
  });

  it("share one attachable overlay: CONTAINER_NETWORK, Traefik's provider network and every traefik.swarm.network", () => {
    expect(overlay).toEqual({ name: dotenv.CONTAINER_NETWORK, driver: "overlay", attachable: true });
    expect(appEnv.CONTAINER_NETWORK).toBe(overlay?.name);
    expect(traefikConfig.providers.swarm?.network).toBe(overlay?.name);
    expect(userLabels["traefik.swarm.network"]).toBe(overlay?.name);
    expect(appLabels["traefik.swarm.network"]).toBe(overlay?.name);
    // dnsrr services have no virtual IP: Traefik balances over the tasks' addresses.
    expect(userLabels["traefik.swarm.lbswarm"]).toBe("false");
    expect(appLabels["traefik.swarm.lbswarm"]).toBe("false");
    // The swarm provider refuses a service carrying the docker provider's labels too.
    for (const labels of [userLabels, appLabels])
      expect(Object.keys(labels).filter((key) => key.startsWith("traefik.docker."))).toEqual([]);
    expect(app.networks).toEqual(["spawner"]);
    expect(traefik.networks).toEqual(["spawner"]);
  });

  it("route workspaces and the app through entrypoints and a resolver the Traefik config defines", () => {
    const entrypoints = userLabels[`${userRouter}.entrypoints`]?.split(",") ?? [];
    expect(entrypoints.length).toBeGreaterThan(0);
    for (const entrypoint of entrypoints)
      expect(Object.keys(traefikConfig.entryPoints)).toContain(entrypoint);
    expect(appLabels["traefik.http.routers.spawner.entrypoints"]?.split(",")).toEqual(entrypoints);
    const resolver = userLabels[`${userRouter}.tls.certresolver`] ?? "";
    expect(appLabels["traefik.http.routers.spawner.tls.certresolver"]).toBe(resolver);
    expect(traefikConfig.certificatesResolvers[resolver]?.acme).toEqual({
      email: dotenv.ACME_EMAIL,
      storage: traefik.environment?.ACME_STORAGE,
      httpChallenge: { entryPoint: "web" },
    });
    expect(traefik.volumes?.some((volume) => volume.startsWith("letsencrypt:/letsencrypt"))).toBe(true);
  });

  it("send forward-auth to the app service by its name on the overlay, on the port its labels route to", () => {
    const address = new URL(userLabels[`traefik.http.middlewares.${name}-auth.forwardauth.address`] ?? "");
    // docker stack deploy gives each service its short name as an alias on the stack's networks.
    expect(Object.keys(stack.services)).toContain(address.hostname);
    expect(address.hostname).toBe("app");
    expect(stack.services[address.hostname]?.networks).toContain("spawner");
    expect(address.port).toBe(appLabels["traefik.http.services.spawner.loadbalancer.server.port"]);
    expect(address.pathname).toBe("/api/forward-auth");
  });

  it("route the app's host to its own port by labels on the service (deploy.labels), the lowest priority", () => {
    // Its container labels say only that the engine pages protect it: routing labels there would be ignored.
    expect(labelMap(app.labels)).toEqual({ "spawner.protected": "app" });
    expect(appLabels["traefik.enable"]).toBe("true");
    expect(appLabels["traefik.http.routers.spawner.rule"]).toBe(`Host(\`${dotenv.SPAWNER_HOST}\`)`);
    expect(appLabels["traefik.http.routers.spawner.priority"]).toBe("1");
    // The image's server listens on PORT=3000 (Dockerfile); the swarm provider needs the port named.
    expect(readFileSync("Dockerfile", "utf8")).toMatch(/^\s+PORT=3000 \\$/m);
    expect(app.environment?.PORT).toBeUndefined();
    expect(appLabels["traefik.http.services.spawner.loadbalancer.server.port"]).toBe("3000");
  });

  it("place the app, one replica (SQLite), and Traefik on the labelled manager, with dnsrr and host-mode ports", () => {
    for (const service of [app, traefik]) {
      expect(service.deploy?.replicas).toBe(1);
      expect(service.deploy?.endpoint_mode).toBe("dnsrr");
      expect(service.deploy?.placement?.constraints).toEqual([
        "node.role == manager",
        "node.labels.spawner.main == true",
      ]);
    }
    expect(app.deploy?.update_config?.order).toBe("stop-first");
    expect(app.volumes).toContain("spawner-data:/data");
    expect(app.volumes).toContain("/var/run/docker.sock:/var/run/docker.sock");
    expect(app.user).toBe(`10001:${dotenv.DOCKER_GID}`);
    const ports = traefik.ports?.map((port) => [port.target, Number(port.published), port.mode]);
    expect(ports).toEqual([
      [80, Number(dotenv.HTTP_PORT), "host"],
      [443, Number(dotenv.HTTPS_PORT), "host"],
    ]);
    expect(Object.values(traefikConfig.entryPoints).map((entrypoint) => entrypoint.address)).toEqual([
      ":80",
      ":443",
    ]);
  });

  it("give the app AUTH_SECRET as an external Swarm secret's file, which the image's entrypoint reads", () => {
    const secret = app.secrets?.[0];
    expect(stack.secrets[secret?.source ?? ""]).toEqual({ external: true, name: "spawner-auth-secret" });
    expect(app.environment?.AUTH_SECRET_FILE).toBe(secretFile);
    expect(app.environment?.AUTH_SECRET).toBeUndefined();
    expect(secret).toMatchObject({ uid: "10001", mode: 0o400 });
    expect(readFileSync("deploy/app-entrypoint.sh", "utf8")).toContain(
      'AUTH_SECRET=$(cat "$AUTH_SECRET_FILE")',
    );
  });

  it("hand Traefik its config and the entrypoint that fills every placeholder as Swarm configs", () => {
    const mounted = Object.fromEntries(
      (traefik.configs ?? []).map((config) => [
        config.target,
        path.join(path.dirname(STACK_FILE), stack.configs[config.source]?.file ?? ""),
      ]),
    );
    expect(mounted).toEqual({
      "/etc/traefik/traefik.yml": SWARM_TRAEFIK_FILE,
      "/usr/local/bin/traefik-entrypoint.sh": "deploy/traefik-entrypoint.sh",
    });
    const script = readFileSync("deploy/traefik-entrypoint.sh", "utf8");
    expect(script).toContain("/etc/traefik/traefik.yml");
    expect(traefik.entrypoint).toEqual(["/bin/sh", "/usr/local/bin/traefik-entrypoint.sh"]);
    for (const [, placeholder] of readFileSync(SWARM_TRAEFIK_FILE, "utf8").matchAll(/\$\{([A-Z0-9_]+)\}/g))
      expect(script).toContain(`s|\\\${${placeholder}}|$${placeholder}|g`);
  });
});

describe("the Swarm stack next to docker-compose.yml", () => {
  it("runs the same Traefik and app images", () => {
    expect(traefik.image).toBe(compose.services.traefik?.image);
    expect(app.image).toBe(compose.services.app?.image);
  });

  it("gives the app every setting compose gives it, with the same values but the runtime's own", () => {
    const own = new Set(["AUTH_SECRET", "DOCKER_HOST"]);
    for (const [key, value] of Object.entries(compose.services.app?.environment ?? {}))
      if (!own.has(key)) expect(app.environment?.[key], key).toBe(value);
    expect(app.environment?.DOCKER_HOST).toBe("unix:///var/run/docker.sock");
  });

  it("keeps Traefik's configuration but the provider: entrypoints, resolvers, dashboard off, access log", () => {
    const docker = readTraefikConfig(compose.services.traefik?.environment ?? {}) as TraefikConfig;
    const { providers: _swarm, ...swarmRest } = traefikConfig;
    const { providers: _docker, ...dockerRest } = docker;
    expect(swarmRest).toEqual(dockerRest);
    expect(swarmRest.api).toEqual({ dashboard: false, insecure: false });
  });

  it("uses nothing docker stack deploy ignores or refuses, and explains every variable in .env.example", () => {
    for (const service of [app, traefik])
      for (const key of ["build", "group_add", "security_opt", "restart", "depends_on"])
        expect(service[key], key).toBeUndefined();
    // Container labels (applied by docker stack deploy) only mark the platform's own services as protected.
    expect(labelMap(traefik.labels)).toEqual({ "spawner.protected": "proxy" });
    const text = readFileSync(STACK_FILE, "utf8");
    const lines = readFileSync(".env.example", "utf8").split("\n");
    for (const [, variable] of text.matchAll(/\$\{([A-Z0-9_]+)/g))
      expect(
        lines.some((line) => line.startsWith(`${variable}=`)),
        `${variable} missing from .env.example`,
      ).toBe(true);
    // The docker CLI reads the first "-" of ${VAR:?message} as a default's separator.
    for (const [, message] of text.matchAll(/\$\{[A-Z0-9_]+:\?([^}]*)\}/g))
      expect(message).not.toContain("-");
  });
});
