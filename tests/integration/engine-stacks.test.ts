// Compose stacks on the engine through the admin API, against the built server, the real engine and the real
// Compose tool (Debian's docker-compose here): a file with two services and a network deploys as a Compose project
// (the engine holds both containers with its labels, on its network), is listed with its services' states, stops,
// starts and is removed (its volume only when asked, with its name typed). A broken file is refused by place and
// nothing reaches the engine; a taken name is 409; a failed up leaves nothing behind; every action is audited; and
// a server without a Compose tool says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { type AppServer, startAppServer } from "../support/app-server";
import { adminApi } from "../support/engine-objects";
import { IT } from "../support/prefixes";
import { docker } from "../support/test-image";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const db = getDb();
const IMAGE = testSettings.USER_TEMPLATE_IMAGE_DEV;
const run = Date.now().toString(36);
const NAME = `${IT}-web-${run}`;
const BROKEN = `${IT}-broken-${run}`;
const FAILING = `${IT}-failing-${run}`;
const TWICE = `${IT}-twice-${run}`;
const ADOPT = `${IT}-adopt-${run}`;
/** Another's volume, made beside the stacks: a stack must never take it over, nor delete it. */
const THEIRS = `${IT}-theirs-${run}`;
const PROJECT = "com.docker.compose.project";

// Two services on one network; the worker is labelled protected, so its stack is too (stop/remove take the name).
const COMPOSE = `
services:
  web:
    image: ${IMAGE}
    command: ["busybox", "httpd", "-f", "-p", "8080"]
    init: true
    networks: [front]
    volumes:
      - data:/data
  worker:
    image: ${IMAGE}
    command: ["sleep", "3600"]
    init: true
    stop_grace_period: 2s
    labels:
      spawner.protected: "app"
    networks: [front]
networks:
  front: {}
volumes:
  data: {}
`;

let app: AppServer;
let admin: TestUser;

/** The admin API as the signed-in admin, on this app or another server; every answer checked against the document. */
const call = (method: string, path: string, body?: unknown, server = app) =>
  adminApi(server.url, admin.cookie)(method, path, body);

/** What the engine holds of a project: its containers (name and state), networks and volumes. */
function engineOf(project: string) {
  const label = `label=${PROJECT}=${project}`;
  const lines = (text: string) => text.split("\n").filter(Boolean).sort();
  return {
    containers: lines(
      docker("ps", "-a", "--filter", label, "--format", '{{.Label "com.docker.compose.service"}} {{.State}}'),
    ),
    networks: lines(docker("network", "ls", "--filter", label, "--format", "{{.Name}}")),
    volumes: lines(docker("volume", "ls", "--filter", label, "--format", "{{.Name}}")),
  };
}

/** The stack's container names as the engine has them (v1 names them name_web_1, v2 name-web-1). */
function containerNames(): string[] {
  const names = docker("ps", "-a", "--filter", `label=${PROJECT}=${NAME}`, "--format", "{{.Names}}")
    .split("\n")
    .filter(Boolean)
    .sort();
  expect(names).toHaveLength(2);
  for (const name of names) expect(name).toMatch(new RegExp(`^${NAME}[_-](web|worker)[_-]1$`));
  return names;
}

function removeProjects(prefix: string) {
  const projectsOf = (kind: string[]) =>
    docker(...kind, "--filter", `label=${PROJECT}`, "--format", `{{.Label "${PROJECT}"}}`)
      .split("\n")
      .filter((name) => name.startsWith(prefix));
  const names = new Set([
    ...projectsOf(["ps", "-a"]),
    ...projectsOf(["network", "ls"]),
    ...projectsOf(["volume", "ls"]),
  ]);
  for (const name of names) {
    const label = `label=${PROJECT}=${name}`;
    const ids = (...args: string[]) =>
      docker(...args, "--filter", label, "-q")
        .split("\n")
        .filter(Boolean);
    const containers = ids("ps", "-a");
    if (containers.length) docker("rm", "-f", ...containers);
    const networks = ids("network", "ls");
    if (networks.length) docker("network", "rm", ...networks);
    const volumes = ids("volume", "ls");
    if (volumes.length) docker("volume", "rm", "-f", ...volumes);
  }
}

beforeAll(async () => {
  app = await startAppServer({ ...testSettings, RECONCILER: "off" });
  admin = await userWithSession(db, uniqueEmail("stk-admin"), "ADMIN");
});
afterAll(async () => {
  await app?.stop();
  removeProjects(`${IT}-`);
  docker("volume", "rm", "-f", THEIRS);
});

/** What a file in a volume says, read with a throwaway container. */
function readFromVolume(volume: string): string {
  return docker("run", "--rm", "-v", `${volume}:/data`, IMAGE, "/bin/busybox", "cat", "/data/kept").trim();
}

describe("engine stacks", () => {
  it("deploys a file with two services and a network as a Compose project", async () => {
    const deployed = await call("POST", "/api/v1/admin/engine/stacks", { name: NAME, compose: COMPOSE });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
    expect(deployed.body).toMatchObject({ name: NAME, state: "running", protected: expect.any(String) });
    expect(deployed.body.services.map((service: { name: string }) => service.name)).toEqual([
      "web",
      "worker",
    ]);
    expect(engineOf(NAME)).toEqual({
      containers: ["web running", "worker running"],
      networks: [`${NAME}_front`],
      volumes: [`${NAME}_data`],
    });
    // Both containers are on the project's network, which carries the project's label.
    const attached = docker(
      "network",
      "inspect",
      `${NAME}_front`,
      "--format",
      "{{range .Containers}}{{.Name}} {{end}}",
    );
    expect(attached.split(" ").filter(Boolean).sort()).toEqual(containerNames());
  });

  it("lists the stack with both services running, and reads it alone", async () => {
    const listed = await call("GET", "/api/v1/admin/engine/stacks");
    expect(listed.status).toBe(200);
    expect(listed.body.tool).toMatchObject({ version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(listed.body.message).toBeNull();
    const stack = listed.body.stacks.find((candidate: { name: string }) => candidate.name === NAME);
    expect(stack).toMatchObject({
      state: "running",
      networks: [{ name: `${NAME}_front` }],
      volumes: [{ name: `${NAME}_data` }],
    });
    expect(stack.protected).toContain("spawner.protected");
    expect(
      stack.services.map((service: { name: string; state: string }) => `${service.name} ${service.state}`),
    ).toEqual(["web running", "worker running"]);
    const one = await call("GET", `/api/v1/admin/engine/stacks/${NAME}`);
    expect(one.status).toBe(200);
    expect(one.body.services).toEqual(stack.services);
    expect((await call("GET", "/api/v1/admin/engine/stacks/no-such-stack")).body.error.code).toBe(
      "ENGINE_OBJECT_NOT_FOUND",
    );
  });

  it("refuses a name that is taken, and a broken file by place, with nothing made on the engine", async () => {
    const taken = await call("POST", "/api/v1/admin/engine/stacks", { name: NAME, compose: COMPOSE });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("NAME_TAKEN");
    const broken = await call("POST", "/api/v1/admin/engine/stacks", {
      name: BROKEN,
      compose: `services:\n  web:\n    image: ${IMAGE}\n    ports: 8080\n  api:\n    build: .\nnetworks:\n  front:\n    driver: 5\n`,
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(broken.body.error.fields).sort()).toEqual([
      "networks.front.driver",
      "services.api.build",
      "services.web.ports",
    ]);
    expect(broken.body.error.fields["services.web.ports"]).toEqual(["must be a list (line 4)"]);
    const yaml = await call("POST", "/api/v1/admin/engine/stacks", {
      name: BROKEN,
      compose: "services:\n  web: [\n",
    });
    expect(yaml.body.error.fields.compose[0]).toMatch(/^line \d+, column \d+: /);
    const badName = await call("POST", "/api/v1/admin/engine/stacks", { name: "Bad Name", compose: COMPOSE });
    expect(Object.keys(badName.body.error.fields)).toEqual(["name"]);
    expect(engineOf(BROKEN)).toEqual({ containers: [], networks: [], volumes: [] });
  });

  it("takes down what a failed up made, its new volume too, and answers 422 with the tool's output", async () => {
    const failed = await call("POST", "/api/v1/admin/engine/stacks", {
      name: FAILING,
      compose: `services:\n  web:\n    image: ${IMAGE}\n    networks: [front]\n    volumes: [data:/data]\n  gone:\n    image: 127.0.0.1:9/spawner-missing:never\n    networks: [front]\nnetworks:\n  front: {}\nvolumes:\n  data: {}\n`,
    });
    expect(failed.status, JSON.stringify(failed.body)).toBe(422);
    expect(failed.body.error.code).toBe("STACK_DEPLOY_FAILED");
    expect(failed.body.error.details.output).toContain("127.0.0.1:9");
    expect(failed.body.error.details.output).not.toContain("spawner-stack-");
    expect(engineOf(FAILING)).toEqual({ containers: [], networks: [], volumes: [] });
  });

  it("refuses a file that names a volume already on the engine, by its place, and the volume keeps its data", async () => {
    docker("volume", "create", THEIRS);
    docker(
      "run",
      "--rm",
      "--user",
      "0",
      "-v",
      `${THEIRS}:/data`,
      IMAGE,
      "/bin/busybox",
      "sh",
      "-c",
      "echo theirs > /data/kept",
    );
    const refused = await call("POST", "/api/v1/admin/engine/stacks", {
      name: ADOPT,
      compose: `services:\n  web:\n    image: ${IMAGE}\n    volumes: [data:/data]\n  gone:\n    image: 127.0.0.1:9/spawner-missing:never\nvolumes:\n  data:\n    name: ${THEIRS}\n`,
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(refused.body.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(refused.body.error.fields)).toEqual(["volumes.data.name"]);
    expect(refused.body.error.fields["volumes.data.name"][0]).toContain(`"${THEIRS}"`);
    expect(engineOf(ADOPT)).toEqual({ containers: [], networks: [], volumes: [] });
    expect(readFromVolume(THEIRS)).toBe("theirs");
  });

  it("makes one stack of two deploys of one name at once: the other is 409", async () => {
    const compose = `services:\n  only:\n    image: ${IMAGE}\n    command: ["sleep", "3600"]\n    init: true\n`;
    const answers = await Promise.all(
      [1, 2].map(() => call("POST", "/api/v1/admin/engine/stacks", { name: TWICE, compose })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(engineOf(TWICE).containers).toEqual(["only running"]);
  });

  it("says what a removal could not remove, and records what went and what did not", async () => {
    // A container outside the stack on the stack's network: the network can't go, the stack's container does.
    const outside = `${IT}-outside-${run}`;
    docker("run", "-d", "--name", outside, "--network", `${TWICE}_default`, IMAGE);
    try {
      const partly = await call("DELETE", `/api/v1/admin/engine/stacks/${TWICE}`);
      expect(partly.status).toBe(409);
      expect(partly.body.error.code).toBe("IN_USE");
      expect(partly.body.error.message).toContain(`the network ${TWICE}_default`);
      expect(engineOf(TWICE)).toEqual({ containers: [], networks: [`${TWICE}_default`], volumes: [] });
    } finally {
      docker("rm", "-f", outside);
    }
    const event = await db.auditEvent.findFirst({
      where: { targetType: "stack", targetId: TWICE, action: "engine.stack.remove" },
      orderBy: { id: "desc" },
    });
    expect(event?.outcome).toBe("IN_USE");
    expect(JSON.parse(event?.details ?? "{}")).toMatchObject({
      removed: { containers: [expect.stringMatching(/only/)], networks: [] },
      failed: [{ kind: "network", name: `${TWICE}_default`, code: "IN_USE" }],
    });
    // volumes=true deletes the containers' anonymous volumes too: it takes the name typed (spaces around it are fine),
    // even for a stack without a named volume.
    const unconfirmed = await call("DELETE", `/api/v1/admin/engine/stacks/${TWICE}?volumes=true`);
    expect(unconfirmed.body.error.code).toBe("CONFIRMATION_REQUIRED");
    const removed = await call(
      "DELETE",
      `/api/v1/admin/engine/stacks/${TWICE}?volumes=true&confirm=${encodeURIComponent(` ${TWICE} `)}`,
    );
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body).toMatchObject({ networks: [`${TWICE}_default`], volumes: [] });
    expect(engineOf(TWICE)).toEqual({ containers: [], networks: [], volumes: [] });
  });

  it("stops and starts the stack; a protected one stops only with its name typed", async () => {
    const refused = await call("POST", `/api/v1/admin/engine/stacks/${NAME}/stop`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("CONFIRMATION_REQUIRED");
    expect(engineOf(NAME).containers).toEqual(["web running", "worker running"]);
    const stopped = await call("POST", `/api/v1/admin/engine/stacks/${NAME}/stop?confirm=${NAME}`);
    expect(stopped.status).toBe(200);
    expect(stopped.body.state).toBe("stopped");
    expect(engineOf(NAME).containers).toEqual(["web exited", "worker exited"]);
    const started = await call("POST", `/api/v1/admin/engine/stacks/${NAME}/start`);
    expect(started.status).toBe(200);
    expect(started.body.state).toBe("running");
    expect(engineOf(NAME).containers).toEqual(["web running", "worker running"]);
  });

  it("removes the containers and the network, keeps the volume unless asked with the name typed", async () => {
    expect((await call("DELETE", `/api/v1/admin/engine/stacks/${NAME}`)).body.error.code).toBe(
      "CONFIRMATION_REQUIRED",
    );
    const names = containerNames();
    const removed = await call("DELETE", `/api/v1/admin/engine/stacks/${NAME}?confirm=${NAME}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({
      name: NAME,
      containers: names,
      networks: [`${NAME}_front`],
      volumes: [],
      kept_volumes: [`${NAME}_data`],
    });
    expect(engineOf(NAME)).toEqual({ containers: [], networks: [], volumes: [`${NAME}_data`] });
    const left = await call("GET", `/api/v1/admin/engine/stacks/${NAME}`);
    expect(left.body).toMatchObject({ state: "empty", protected: null, services: [] });
    // Deleting the data takes the name typed, even for a stack nothing protects any more.
    expect((await call("DELETE", `/api/v1/admin/engine/stacks/${NAME}?volumes=true`)).status).toBe(400);
    const purged = await call("DELETE", `/api/v1/admin/engine/stacks/${NAME}?volumes=true&confirm=${NAME}`);
    expect(purged.body.volumes).toEqual([`${NAME}_data`]);
    expect(engineOf(NAME)).toEqual({ containers: [], networks: [], volumes: [] });
    expect((await call("GET", `/api/v1/admin/engine/stacks/${NAME}`)).status).toBe(404);
  });

  it("audits every action with its outcome, the admin as actor", async () => {
    const events = await db.auditEvent.findMany({
      where: { targetType: "stack", targetId: { in: [NAME, BROKEN, FAILING] } },
      orderBy: { id: "asc" },
    });
    const seen = events.map((event) => `${event.action} ${event.targetId} ${event.outcome}`);
    expect(seen).toEqual([
      `engine.stack.deploy ${NAME} ok`,
      `engine.stack.deploy ${NAME} NAME_TAKEN`,
      `engine.stack.deploy ${BROKEN} VALIDATION_FAILED`,
      `engine.stack.deploy ${BROKEN} VALIDATION_FAILED`,
      `engine.stack.deploy ${FAILING} STACK_DEPLOY_FAILED`,
      `engine.stack.stop ${NAME} CONFIRMATION_REQUIRED`,
      `engine.stack.stop ${NAME} ok`,
      `engine.stack.start ${NAME} ok`,
      `engine.stack.remove ${NAME} CONFIRMATION_REQUIRED`,
      `engine.stack.remove ${NAME} ok`,
      `engine.stack.remove ${NAME} CONFIRMATION_REQUIRED`,
      `engine.stack.remove ${NAME} ok`,
    ]);
    expect(new Set(events.map((event) => event.actorId))).toEqual(new Set([admin.id]));
    expect(JSON.parse(events[0]?.details ?? "{}")).toMatchObject({ services: ["web", "worker"] });
    expect(JSON.parse(events.at(-1)?.details ?? "{}")).toEqual({
      removed: { name: NAME, containers: [], networks: [], volumes: [`${NAME}_data`], kept_volumes: [] },
      failed: [],
      with_volumes: true,
    });
  });

  it("answers 503 when the engine is down, and runs nothing", async () => {
    const cut = await startAppServer({
      ...testSettings,
      RECONCILER: "off",
      DOCKER_HOST: "unix:///nonexistent/docker.sock",
      DOCKER_TIMEOUT_MS: "1000",
    });
    try {
      for (const [method, path, body] of [
        ["GET", "/api/v1/admin/engine/stacks", undefined],
        ["POST", "/api/v1/admin/engine/stacks", { name: BROKEN, compose: COMPOSE }],
        ["POST", `/api/v1/admin/engine/stacks/${BROKEN}/stop`, undefined],
      ] as const) {
        const answer = await call(method, path, body, cut);
        expect(answer.status, `${method} ${path}`).toBe(503);
        expect(answer.body.error.code).toBe("CONTAINER_ENGINE_UNAVAILABLE");
      }
    } finally {
      await cut.stop();
    }
    expect(engineOf(BROKEN)).toEqual({ containers: [], networks: [], volumes: [] });
  });

  it("says clearly when no Compose tool is installed: the list has none, a deploy is 501", async () => {
    const bare = await startAppServer({
      ...testSettings,
      RECONCILER: "off",
      COMPOSE_COMMAND: "/nonexistent/docker-compose",
    });
    try {
      const listed = await call("GET", "/api/v1/admin/engine/stacks", undefined, bare);
      expect(listed.status).toBe(200);
      expect(listed.body.tool).toBeNull();
      expect(listed.body.message).toContain("No Compose tool is installed on the app's machine");
      const deploy = await call(
        "POST",
        "/api/v1/admin/engine/stacks",
        { name: BROKEN, compose: COMPOSE },
        bare,
      );
      expect(deploy.status).toBe(501);
      expect(deploy.body.error).toMatchObject({
        code: "NOT_AVAILABLE",
        message: expect.stringContaining("install the Docker Compose v2 plugin or Debian's docker-compose"),
      });
      const page = await fetch(`${bare.url}/admin/engine/stacks`, { headers: { cookie: admin.cookie } });
      expect(await page.text()).toContain("No Compose tool is installed on the app&#x27;s machine");
    } finally {
      await bare.stop();
    }
    expect(engineOf(BROKEN)).toEqual({ containers: [], networks: [], volumes: [] });
  });
});
