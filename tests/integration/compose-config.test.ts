// docker-compose.yml is valid for Compose itself (Debian's docker-compose) with the shipped .env.example,
// and refuses to start without the settings it cannot guess.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "spawner-compose-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Compose v2 (`docker compose`) where the plugin is installed; else Debian's docker-compose 1.29 (bookworm has
// no v2 package). Both read the same Compose file format.
const v2 = spawnSync("docker", ["compose", "version"], { encoding: "utf8" }).status === 0;
const [command, ...prefix] = v2 ? ["docker", "compose"] : ["docker-compose"];

function composeConfig(envFile: string) {
  return spawnSync(
    command as string,
    [...prefix, "--env-file", envFile, "-f", "docker-compose.yml", "config"],
    {
      encoding: "utf8",
      // Only the env file may set values: the shell's environment would override it.
      env: { PATH: process.env.PATH, NODE_ENV: "test" },
    },
  );
}

describe(`docker-compose.yml (checked by ${v2 ? "Compose v2" : "docker-compose v1"})`, () => {
  it("validates with .env.example and routes the app by labels on the shared network", () => {
    const result = composeConfig(".env.example");
    expect(result.error, "docker-compose is missing: apt-get install docker-compose").toBeUndefined();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("traefik.http.routers.spawner.rule: Host(`spawner.example.com`)");
    expect(result.stdout).toMatch(/networks:\n\s+spawner:\n\s+name: spawner/);
  });

  for (const name of ["SPAWNER_HOST", "ACME_EMAIL", "DOCKER_GID"]) {
    it(`refuses to run without ${name}, naming it`, () => {
      const envFile = path.join(dir, `${name}.env`);
      const lines = readFileSync(".env.example", "utf8").split("\n");
      writeFileSync(envFile, lines.filter((line) => !line.startsWith(`${name}=`)).join("\n"));
      const result = composeConfig(envFile);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(name);
    });
  }
});
