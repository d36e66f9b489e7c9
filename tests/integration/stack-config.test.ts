// deploy/swarm/stack.yml is valid for the docker CLI's own stack loader (`docker stack config`: the schema,
// interpolation and file paths `docker stack deploy` uses, no engine needed), fed .env.example by
// deploy/swarm/stack-deploy.sh, and refuses to deploy without the settings it cannot guess.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readEnvFile, STACK_FILE } from "../support/deploy-files";

const dir = mkdtempSync(path.join(tmpdir(), "spawner-stack-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const realDocker = spawnSync("sh", ["-c", "command -v docker"], { encoding: "utf8" }).stdout.trim();
// Only the env file may set values: the shell's environment would win over it.
const bare = { PATH: process.env.PATH ?? "", HOME: dir, NODE_ENV: "test" as const };

/** The script as an operator runs it, with `docker stack deploy … STACK` answered by `docker stack config`. */
function deployScript(envFile: string) {
  const bin = path.join(dir, "bin");
  spawnSync("mkdir", ["-p", bin]);
  writeFileSync(
    path.join(bin, "docker"),
    `#!/bin/sh\n[ "$1 $2" = "stack deploy" ] || exit 64\nshift 2\nlast=$(eval echo \\\${$#})\n[ "$last" = spawner ] || exit 65\nargs=""; while [ $# -gt 1 ]; do args="$args $1"; shift; done\nexec ${realDocker} stack config $args\n`,
  );
  chmodSync(path.join(bin, "docker"), 0o755);
  return spawnSync("deploy/swarm/stack-deploy.sh", [], {
    encoding: "utf8",
    env: { ...bare, PATH: `${bin}:${bare.PATH}`, ENV_FILE: envFile },
  });
}

describe("deploy/swarm/stack.yml (checked by the docker CLI's stack loader)", () => {
  it("loads with .env.example through stack-deploy.sh, values as they stand and the Swarm's own settings", () => {
    const result = deployScript(".env.example");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const config = parse(result.stdout);
    const app = config.services.app;
    expect(app.user).toBe(`10001:${readEnvFile(".env.example").DOCKER_GID}`);
    // A value with spaces and <> reaches the stack unchanged; .env's DOCKER_HOST never reaches the CLI.
    expect(app.environment.EMAIL_FROM).toBe("Spawner <no-reply@spawner.example.com>");
    expect(app.environment.RUNTIME).toBe("swarm");
    expect(app.deploy.labels["traefik.swarm.network"]).toBe("spawner");
    expect(app.deploy.labels["traefik.http.routers.spawner.rule"]).toBe("Host(`spawner.example.com`)");
    expect(app.secrets).toEqual([
      { source: "auth-secret", target: "auth-secret", uid: "10001", gid: "10001", mode: 0o400 },
    ]);
    expect(config.networks.spawner).toMatchObject({ name: "spawner", driver: "overlay", attachable: true });
    expect(config.services.traefik.ports).toEqual([
      { mode: "host", target: 80, published: 80, protocol: "tcp" },
      { mode: "host", target: 443, published: 443, protocol: "tcp" },
    ]);
    expect(config.configs["traefik-yml"].file).toBe(path.resolve("deploy/swarm/traefik.yml"));
    expect(readFileSync(config.configs["traefik-entrypoint"].file, "utf8")).toContain("exec traefik");
  });

  for (const name of ["SPAWNER_HOST", "ACME_EMAIL", "DOCKER_GID", "WORKSPACE_DOMAIN"]) {
    it(`refuses to deploy without ${name}, naming it`, () => {
      const values = readEnvFile(".env.example");
      delete values[name];
      const result = spawnSync(realDocker, ["stack", "config", "-c", STACK_FILE], {
        encoding: "utf8",
        env: { ...bare, ...values, DOCKER_HOST: "" },
      });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(name);
    });
  }
});
