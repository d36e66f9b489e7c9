// A workspace's repository on a Swarm: cloned before its first start by a one-shot job of the git helper image on the
// node its volume lives on, the token reaching the job as a Swarm secret (gone with the job), the files in the data
// folder the workspace then serves. The git server is a service of the lab on the workspaces' overlay.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import type Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gitRepositories } from "../support/git-server";
import { SWARM } from "../support/prefixes";
import { SWARM_LABEL_PREFIX, type SwarmApp, startSwarmApp } from "../support/swarm-app";
import { LAB_IMAGE } from "../support/swarm-lab";

const HELPER = process.env.GIT_HELPER_IMAGE ?? "spawner-git:latest";
let swarm: SwarmApp;
let manager: Dockerode;
let repos: ReturnType<typeof gitRepositories>;

beforeAll(async () => {
  swarm = await startSwarmApp({ prefix: SWARM, env: { GIT_ALLOW_HTTP: "true", GIT_HELPER_IMAGE: HELPER } });
  manager = swarm.lab.manager;
  // The helper image npm test builds on this machine's engine, on every node (a registry would do it in production).
  const tar = path.join(swarm.lab.dir, "git-helper.tar");
  execFileSync("docker", ["save", "-o", tar, HELPER]);
  for (const node of swarm.lab.nodes)
    execFileSync("docker", ["-H", `unix://${node.socketPath}`, "load", "-q", "-i", tar], { stdio: "ignore" });
  rmSync(tar, { force: true });
  repos = gitRepositories();
  await manager
    .createNetwork({ Name: SWARM_LABEL_PREFIX, Driver: "overlay", Attachable: true, CheckDuplicate: true })
    .catch(() => {});
  await manager.createService({
    Name: "gitserver",
    TaskTemplate: {
      ContainerSpec: {
        Image: LAB_IMAGE,
        Command: ["httpd", "-f", "-p", "8080", "-h", "/srv/www", "-c", "/srv/httpd.conf"],
        // The lab's nodes share this machine's file system.
        Mounts: [{ Type: "bind", Source: repos.root, Target: "/srv", ReadOnly: true }],
      },
      Networks: [{ Target: SWARM_LABEL_PREFIX }],
    },
    Mode: { Replicated: { Replicas: 1 } },
    EndpointSpec: { Mode: "dnsrr" },
  } as never);
}, 240_000);
afterAll(async () => {
  await swarm?.stop();
  if (repos) rmSync(repos.root, { recursive: true, force: true });
});

describe("a repository on a Swarm", () => {
  it("is cloned with its token into the workspace's volume on its node before the first start", async () => {
    const answer = await swarm.api("POST", "/api/v1/workspaces", {
      name: "cloned",
      template: "dev",
      git: { url: "http://gitserver:8080/private/repo.git", username: "git", token: repos.token },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const url = (answer.body.apps as { url: string }[])[0]?.url ?? "";
    const readme = await fetch(`${url}workspace/README.md`, { signal: AbortSignal.timeout(3000) });
    expect(await readme.text()).toBe(repos.files["README.md"]);
    // The job and its credentials are gone; nothing of the token is left in the Swarm.
    const services = await manager.listServices();
    expect(services.map((service) => service.Spec?.Name)).not.toContainEqual(
      expect.stringMatching(/-clone$/),
    );
    const secrets = await manager.listSecrets();
    expect(secrets.filter((secret) => /clone/.test(secret.Spec?.Name ?? ""))).toEqual([]);
    const detail = await swarm.api("GET", `/api/v1/workspaces/${(answer.body as { id: string }).id}`);
    expect((detail.body.settings as { git: { cloned_at: string | null } }).git.cloned_at).not.toBeNull();
    expect(JSON.stringify(detail.body)).not.toContain(repos.token);
  });

  it("says what git said when the token is wrong, and leaves nothing behind", async () => {
    const answer = await swarm.api("POST", "/api/v1/workspaces", {
      name: "refused",
      template: "dev",
      git: { url: "http://gitserver:8080/private/repo.git", username: "git", token: "wrong-token" },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error?.code).toBe("GIT_CLONE_FAILED");
    expect(answer.body.error?.message).not.toContain("wrong-token");
    const secrets = await manager.listSecrets();
    expect(secrets.filter((secret) => /clone/.test(secret.Spec?.Name ?? ""))).toEqual([]);
  });
});
