// The production image as a self-hoster runs it: non-root with the socket's group, an empty data volume,
// migrations at start, /api/health healthy (also by Docker's own HEALTHCHECK), and a clean stop.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForHttp } from "../support/http";
import { IT } from "../support/prefixes";
import { docker } from "../support/test-image";

// Every committed migration, applied once by the image's entrypoint.
const MIGRATIONS = readdirSync("prisma/migrations", { withFileTypes: true }).filter((entry) =>
  entry.isDirectory(),
).length;
const IMAGE = process.env.SPAWNER_IMAGE ?? "spawner:latest";
const NAME = `${IT}-app-image`;

function imagePresent(): boolean {
  try {
    docker("image", "inspect", IMAGE);
    return true;
  } catch {
    return false;
  }
}

const inspect = () => JSON.parse(docker("inspect", NAME))[0];
// The server logs to both streams; read them as one.
const fullLogs = (name = NAME) =>
  execFileSync("sh", ["-c", `docker logs ${name} 2>&1`], { encoding: "utf8" });

function removeContainer(): void {
  execFileSync("docker", ["rm", "-f", "-v", NAME], { stdio: "ignore" });
}

/** The README's backup command, run as written (minus `docker compose exec app`, which is `docker exec`). */
function readmeBackupScript(): string {
  const line = readFileSync("README.md", "utf8")
    .split("\n")
    .find((text) => text.startsWith("docker compose exec app node -e "));
  const script = /node -e "(.+)"$/.exec(line ?? "")?.[1];
  if (!script) throw new Error("README has no backup command (docker compose exec app node -e ...)");
  return script;
}

async function until<T>(what: string, read: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms:\n${fullLogs()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("the app image", () => {
  let url = "";

  beforeAll(() => {
    if (!imagePresent())
      throw new Error(`${IMAGE} is missing: npm test builds it (scripts/images/build-local.sh).`);
    removeContainer();
    const socketGroup = String(statSync("/var/run/docker.sock").gid);
    // No AUTH_SECRET and an empty anonymous volume: exactly a first start. Health checked every second.
    docker(
      "run",
      "-d",
      "--name",
      NAME,
      "--label",
      `${IT}.test=app-image`,
      "--group-add",
      socketGroup,
      "-v",
      "/var/run/docker.sock:/var/run/docker.sock",
      "-p",
      "127.0.0.1::3000",
      "-e",
      `LABEL_PREFIX=${IT}-image`,
      "--health-interval",
      "1s",
      "--health-start-period",
      "30s",
      IMAGE,
    );
    const port = docker("port", NAME, "3000/tcp").split("\n")[0]?.split(":").pop();
    url = `http://127.0.0.1:${port}`;
  });

  afterAll(removeContainer);

  it("runs as a non-root user that carries the Docker socket's group", () => {
    const ids = docker("exec", NAME, "id");
    expect(ids).toMatch(/^uid=10001\(spawner\)/);
    expect(ids).toContain(`,${statSync("/var/run/docker.sock").gid}`);
  });

  it("migrates the empty database and answers /api/health healthy, database and Docker reachable", async () => {
    const body = JSON.parse(await waitForHttp(`${url}/api/health`, 60_000, 250));
    expect(body).toEqual({ status: "ok", checks: { database: "ok", docker: "ok" } });
    expect(fullLogs()).toContain(
      `database ready: /data/spawner.db (${MIGRATIONS} migration(s) applied, ${MIGRATIONS} in all)`,
    );
    const health = await until("Docker's HEALTHCHECK did not report healthy", () => {
      const status = inspect().State.Health?.Status;
      return status === "healthy" ? status : undefined;
    });
    expect(health).toBe("healthy");
  });

  it("serves the sign-in flow from the migrated database (the link goes to the log without SMTP)", async () => {
    const response = await fetch(`${url}/api/auth/magic-link`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "first@example.com" }),
    });
    expect(response.status).toBe(200);
    await until("the magic link was not logged", () =>
      /Magic link for first@example\.com/.test(fullLogs()) ? true : undefined,
    );
  });

  it("backs up the live database with the README's command", () => {
    expect(docker("exec", NAME, "node", "-e", readmeBackupScript())).toBe("ok");
    const tables = docker(
      "exec",
      NAME,
      "node",
      "-e",
      "const db = new (require('better-sqlite3'))('/data/backup.db', { readonly: true }); console.log(db.prepare(\"SELECT count(*) AS n FROM _prisma_migrations\").get().n)",
    );
    expect(tables).toBe(String(MIGRATIONS));
  });

  it("names the group to add when the Docker socket's group is missing", async () => {
    const name = `${NAME}-nogroup`;
    execFileSync("docker", ["rm", "-f", name], { stdio: "ignore" });
    try {
      docker("run", "-d", "--name", name, "-v", "/var/run/docker.sock:/var/run/docker.sock", IMAGE);
      const gid = statSync("/var/run/docker.sock").gid;
      await until("the entrypoint did not name the socket's group", () => {
        return fullLogs(name).includes(`set DOCKER_GID=${gid} in .env`) ? true : undefined;
      });
    } finally {
      execFileSync("docker", ["rm", "-f", "-v", name], { stdio: "ignore" });
    }
  });

  it("stops cleanly on SIGTERM (docker stop) well within Docker's 10 s grace", () => {
    const started = Date.now();
    docker("stop", NAME);
    expect(Date.now() - started).toBeLessThan(9_000);
    expect(inspect().State.ExitCode).toBe(0);
  });
});
