// Workspaces with settings against the real engine, a real git server and the real SQLite file: what lands inside
// the container (repository, variables, secret files), what never leaves the database in clear, and what data
// survives restart, re-creation and deletion.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { createWorkspaceSchema, updateWorkspaceSchema } from "@/lib/validations/workspace";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { listKeptVolumes } from "@/lib/workspaces/kept-volumes";
import { launchWorkspace } from "@/lib/workspaces/launch-workspace";
import { restartWorkspace } from "@/lib/workspaces/restart-workspace";
import { stopWorkspace } from "@/lib/workspaces/stop-workspace";
import { updateWorkspaceSettings } from "@/lib/workspaces/update-workspace-settings";
import { type GitServer, startGitServer } from "../support/git-server";
import { waitForHttp } from "../support/http";
import { IT } from "../support/prefixes";
import { docker } from "../support/test-image";
import { actorOf, type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { until } from "../support/wait";
import { testSettings } from "./setup-env";

const db = getDb();
let git: GitServer;
let ada: TestUser;
const SECRET = `sk-live-${Date.now().toString(36)}-do-not-leak`;
const volumeExists = (name: string) => docker("volume", "ls", "-q", "--filter", `name=^${name}$`) === name;
const inContainer = (id: string, script: string) => docker("exec", id, "sh", "-c", script);

beforeAll(async () => {
  git = startGitServer({ network: IT, image: testSettings.USER_TEMPLATE_IMAGE_DEV, name: `${IT}-gitserver` });
  ada = await userWithSession(db, uniqueEmail("ws"));
});
afterAll(() => git?.stop());

const create = (input: Record<string, unknown>, who = ada) =>
  createWorkspace({ actor: actorOf(who), input: createWorkspaceSchema.parse(input) });

describe("a workspace with a repository, variables, a secret file and limits", () => {
  let workspaceId = "";
  let containerId = "";

  it("clones the private repository into the data path and puts variables and the secret file in place", async () => {
    const created = await create({
      name: "api",
      display_name: "My API",
      template: "dev",
      git: { url: git.privateUrl, branch: "feature", username: "git", token: git.token },
      env: [
        { key: "GREETING", value: "hello world" },
        { key: "EMPTY", value: "" },
      ],
      secret_files: [{ path: "~/.config/tool/credentials.json", content: `{"token":"${SECRET}"}` }],
      limits: { memory_mb: 48, pids: 40 },
    });
    workspaceId = created.id;
    expect(created).toMatchObject({ name: "api", display_name: "My API", status: "not_created" });
    expect(created.settings.secret_files).toEqual([
      { path: "~/.config/tool/credentials.json", size: SECRET.length + 12, updated_at: expect.any(String) },
    ]);
    expect(created.settings.git).toMatchObject({ url: git.privateUrl, has_token: true, cloned_at: null });
    expect(JSON.stringify(created)).not.toContain(SECRET);
    expect(JSON.stringify(created)).not.toContain(git.token);

    const launched = await launchWorkspace({ actor: actorOf(ada), workspaceId });
    containerId = launched.container_id;
    expect(await waitForHttp(String(launched.service_url))).toContain(`Hello from ${ada.slug}-api`);
    // The repository, on its branch, owned by the workspace's user.
    expect(inContainer(containerId, "cat /workspace/README.md")).toBe(git.files["README.md"]?.trim());
    expect(inContainer(containerId, "cat /workspace/.git/HEAD")).toBe("ref: refs/heads/feature");
    expect(inContainer(containerId, "stat -c %u:%g /workspace/README.md /workspace/src/app.txt")).toBe(
      "1000:1000\n1000:1000",
    );
    // No credential stayed behind in the clone.
    expect(inContainer(containerId, "cat /workspace/.git/config")).not.toContain(git.token);
    // Variables as given; the app's own names next to them.
    expect(
      inContainer(containerId, 'printf "%s|%s|%s" "$GREETING" "$' + '{EMPTY-unset}" "$WORKSPACE_NAME"'),
    ).toBe("hello world||api");
    // The secret file: its content, mode 0600, the user's, in the user's home.
    const file = "/home/app/.config/tool/credentials.json";
    expect(inContainer(containerId, `cat ${file}`)).toBe(`{"token":"${SECRET}"}`);
    expect(inContainer(containerId, `stat -c "%a %u:%g" ${file} /home/app/.config/tool`)).toBe(
      "600 1000:1000\n700 1000:1000",
    );
    // Limits from the settings.
    const host = JSON.parse(docker("inspect", containerId))[0].HostConfig;
    expect([host.Memory, host.PidsLimit]).toEqual([48 * 1024 * 1024, 40]);
    const view = await getWorkspace({ actor: actorOf(ada), workspaceId });
    expect(view.settings.git?.cloned_at).toEqual(expect.any(String));
    expect(view.settings.limits).toEqual({ memory_mb: 48, cpus: 0.5, pids: 40 });
    // Set by the workspace, or (cpus) left at the template's default.
    expect(view.settings.limits_custom).toEqual({ memory_mb: 48, cpus: null, pids: 40 });
    expect(view.limits_default).toEqual({ memory_mb: 64, cpus: 0.5, pids: 64 });
  });

  it("keeps the secret and the token out of docker inspect, the logs, the API and the SQLite file", async () => {
    const inspect = docker("inspect", containerId);
    expect(inspect).not.toContain(SECRET);
    expect(inspect).not.toContain(git.token);
    expect(docker("logs", containerId)).not.toContain(SECRET);
    expect(JSON.stringify(await getWorkspace({ actor: actorOf(ada), workspaceId }))).not.toContain(SECRET);
    const file = getEnv().DATABASE_URL.replace(/^file:/, "");
    // The database file and its write-ahead log, as bytes: the sealed rows are there, the clear text is not.
    const bytes = Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`, { flag: "r" })]).toString(
      "latin1",
    );
    const sealed = await db.workspaceSecret.findMany({ where: { workspaceId } });
    expect(sealed.map((secret) => secret.kind).sort()).toEqual(["file", "git-token"]);
    for (const secret of sealed) expect(secret.sealed).toMatch(/^v1:[A-Za-z0-9+/=]+$/);
    expect(bytes).toContain(sealed[0]?.sealed.slice(3, 40));
    expect(bytes).not.toContain(SECRET);
    expect(bytes).not.toContain(git.token);
  });

  it("keeps data across restart and re-creation after a settings change, and does not clone again", async () => {
    inContainer(containerId, "echo mine > /workspace/notes.txt && rm /workspace/src/app.txt");
    await restartWorkspace({ actor: actorOf(ada), workspaceId });
    expect(inContainer(containerId, "cat /workspace/notes.txt")).toBe("mine");

    const saved = await updateWorkspaceSettings({
      actor: actorOf(ada),
      workspaceId,
      input: updateWorkspaceSchema.parse({ env: [{ key: "GREETING", value: "changed" }] }),
    });
    // Running: the change waits until the caller confirms.
    expect(saved).toMatchObject({
      takes: "recreate",
      applied: false,
      workspace: { pending_change: "recreate", container_id: containerId },
    });
    const applied = await updateWorkspaceSettings({
      actor: actorOf(ada),
      workspaceId,
      input: updateWorkspaceSchema.parse({ apply_now: true }),
    });
    expect(applied).toMatchObject({
      takes: "recreate",
      applied: true,
      workspace: { status: "running", pending_change: null },
    });
    const recreated = String(applied.workspace.container_id);
    expect(recreated).not.toBe(containerId);
    expect(inContainer(recreated, 'echo "$GREETING"')).toBe("changed");
    expect(inContainer(recreated, "cat /workspace/notes.txt")).toBe("mine");
    // Cloned once: the file removed on the volume stays removed.
    expect(inContainer(recreated, "ls /workspace/src")).toBe("");
    expect(inContainer(recreated, "cat /home/app/.config/tool/credentials.json")).toContain(SECRET);
    containerId = recreated;
  });

  it("applies new limits with a restart", async () => {
    const saved = await updateWorkspaceSettings({
      actor: actorOf(ada),
      workspaceId,
      input: updateWorkspaceSchema.parse({ limits: { memory_mb: 56, pids: 40 }, apply_now: true }),
    });
    expect(saved).toMatchObject({ takes: "restart", applied: true });
    expect(saved.workspace.container_id).toBe(containerId);
    expect(JSON.parse(docker("inspect", containerId))[0].HostConfig.Memory).toBe(56 * 1024 * 1024);
  });

  it("refuses limits above the template's maxima and a secret path outside home and data, at their fields", async () => {
    const error = await updateWorkspaceSettings({
      actor: actorOf(ada),
      workspaceId,
      input: updateWorkspaceSchema.parse({
        limits: { memory_mb: 999_999 },
        secret_files: [{ path: "/etc/shadow", content: "x" }],
      }),
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(Object.keys(error.details.fields).sort()).toEqual(["limits.memory_mb", "secret_files.0.path"]);
    expect((await getWorkspace({ actor: actorOf(ada), workspaceId })).settings.limits.memory_mb).toBe(56);
  });

  it("deletes keeping the data, lists the kept volume, attaches it to a new workspace, then deletes for good", async () => {
    const row = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    const kept = await deleteWorkspace({ actor: actorOf(ada), workspaceId, keepData: true });
    expect(kept.kept_volume?.name).toBe(row.volumeName);
    expect(docker("ps", "-aq", "--filter", `id=${containerId}`)).toBe("");
    expect(volumeExists(row.volumeName)).toBe(true);
    expect(await db.workspace.count({ where: { id: workspaceId } })).toBe(0);
    expect(await db.workspaceSecret.count({ where: { workspaceId } })).toBe(0);
    const volumes = await listKeptVolumes({ actor: actorOf(ada) });
    expect(volumes).toEqual([
      expect.objectContaining({ name: row.volumeName, workspace_name: "api", template: "dev" }),
    ]);

    const again = await create({ name: "api-2", template: "dev", volume: volumes[0]?.id });
    const launched = await launchWorkspace({ actor: actorOf(ada), workspaceId: again.id });
    expect(inContainer(launched.container_id, "cat /workspace/notes.txt")).toBe("mine");
    expect(await listKeptVolumes({ actor: actorOf(ada) })).toEqual([]);

    await deleteWorkspace({ actor: actorOf(ada), workspaceId: again.id, keepData: false });
    expect(volumeExists(row.volumeName)).toBe(false);
    expect(docker("ps", "-aq", "--filter", `label=${IT}.workspace-id=${again.id}`)).toBe("");
  });
});

describe("secret files stay under the image user's home and the data path", () => {
  it("follows the image's HOME, not a HOME the workspace's own variables set", async () => {
    const created = await create({
      name: "home-moved",
      template: "dev",
      env: [{ key: "HOME", value: "/etc" }],
      secret_files: [{ path: "~/passwd", content: "app:x:0:0::/root:/bin/sh\n" }],
    });
    const launched = await launchWorkspace({ actor: actorOf(ada), workspaceId: created.id });
    const id = launched.container_id;
    // The variable is the user's to set; the file went to the image user's home, and /etc/passwd is the image's.
    expect(inContainer(id, 'echo "$HOME"')).toBe("/etc");
    expect(inContainer(id, "cat /home/app/passwd")).toBe("app:x:0:0::/root:/bin/sh");
    expect(inContainer(id, "grep ^app: /etc/passwd")).toBe("app:x:1000:1000:app:/home/app:/bin/sh");
    expect(inContainer(id, "id -u")).toBe("1000");
  });
});

describe("secret file paths ustar alone can't hold", () => {
  it("land too (a part over 100 bytes goes in a pax header), instead of failing the launch with a 500", async () => {
    const part = "k".repeat(150);
    const created = await create({
      name: "long-path",
      template: "dev",
      secret_files: [{ path: `~/${part}/key.json`, content: "{}" }],
    });
    const launched = await launchWorkspace({ actor: actorOf(ada), workspaceId: created.id });
    expect(inContainer(launched.container_id, `stat -c "%a %u" /home/app/${part}/key.json`)).toBe("600 1000");
  });
});

describe("stopping", () => {
  it("stops a workspace whose app crashes over and over (the engine restarting it), and it stays stopped", async () => {
    const created = await create({ name: "crash-loop", template: "dev" });
    const { container_id: id } = await launchWorkspace({ actor: actorOf(ada), workspaceId: created.id });
    // Its command now fails at every start (its page can't be written), and the restart policy keeps trying.
    inContainer(
      id,
      `rm /www/index.html && mkdir /www/index.html && kill $(ps -o pid,args | awk '$3 == "httpd" {print $1}')`,
    );
    const state = () => docker("inspect", "-f", "{{.State.Status}} {{.RestartCount}}", id).split(" ");
    // A few restarts in, the engine waits longer between them: it is "restarting" when stop comes.
    await until(
      () => state()[0] === "restarting" && Number(state()[1]) >= 4,
      20_000,
      "the engine restarting the crashing app",
    );
    const stopped = await stopWorkspace({ actor: actorOf(ada), workspaceId: created.id });
    // Its last run failed (so it reads "error"), but it was stopped, and the engine no longer restarts it.
    expect(stopped).toMatchObject({ status: "error", stopped_reason: "manual" });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(state()[0]).toBe("exited");
  });
});

describe("clone failures and other owners", () => {
  it("reports a failed clone with git's message, credentials scrubbed, and leaves the workspace editable", async () => {
    const wrongToken = `wrong-${Date.now()}-token`;
    const created = await create({
      name: "private",
      template: "dev",
      git: { url: git.privateUrl, token: wrongToken },
    });
    const error = await launchWorkspace({ actor: actorOf(ada), workspaceId: created.id }).catch((e) => e);
    expect(error).toMatchObject({ code: "GIT_CLONE_FAILED", status: 422 });
    expect(error.message).toMatch(/Authentication failed|401|could not read/i);
    expect(error.message).not.toContain(wrongToken);
    const view = await getWorkspace({ actor: actorOf(ada), workspaceId: created.id });
    expect(view.last_error).toBe(error.message);
    expect(view.settings.git?.cloned_at).toBeNull();
    // No helper left behind.
    expect(docker("ps", "-aq", "--filter", `label=${IT}.managed-by=spawner-helper`)).toBe("");
    // Fixed token: the next start clones and runs.
    await updateWorkspaceSettings({
      actor: actorOf(ada),
      workspaceId: created.id,
      input: updateWorkspaceSchema.parse({ git: { url: git.privateUrl, token: git.token } }),
    });
    const launched = await launchWorkspace({ actor: actorOf(ada), workspaceId: created.id });
    expect(docker("exec", launched.container_id, "cat", "/workspace/README.md")).toContain(
      "Hello from the test repository",
    );
    expect((await getWorkspace({ actor: actorOf(ada), workspaceId: created.id })).last_error).toBeNull();
  });

  it("deletes a workspace whose clone a crashed launch left behind, the helper and its hold on the volume too", async () => {
    const created = await create({ name: "left-clone", template: "dev" });
    const row = await db.workspace.findUniqueOrThrow({ where: { id: created.id } });
    // What a server killed mid-clone leaves: the helper container, mounting the workspace's volume.
    docker(
      "create",
      "--name",
      `${row.workloadName}-clone`,
      "--label",
      `${IT}.managed-by=spawner-helper`,
      "--label",
      `${IT}.workspace-id=${row.id}`,
      "--mount",
      `type=volume,source=${row.volumeName},target=/workspace`,
      testSettings.USER_TEMPLATE_IMAGE_DEV,
    );
    expect(volumeExists(row.volumeName)).toBe(true);
    await expect(
      deleteWorkspace({ actor: actorOf(ada), workspaceId: row.id, keepData: false }),
    ).resolves.toMatchObject({ deleted: true, kept_volume: null });
    expect(docker("ps", "-aq", "--filter", `label=${IT}.workspace-id=${row.id}`)).toBe("");
    expect(volumeExists(row.volumeName)).toBe(false);
    expect(await db.workspace.count({ where: { id: row.id } })).toBe(0);
  });

  it("refuses a second workspace of the same name and names the field", async () => {
    await create({ name: "twice", template: "dev" });
    await expect(create({ name: "twice", template: "dev" })).rejects.toMatchObject({
      code: "NAME_TAKEN",
      details: { fields: { name: [expect.any(String)] } },
    });
  });

  it("gives a route key another user's workspace spells a suffix instead of a clash", async () => {
    const slug = `${ada.slug}-x`;
    const other = await userWithSession(db, uniqueEmail("clash"));
    await db.user.update({ where: { id: other.id }, data: { slug } });
    const theirs = await create({ name: "api", template: "dev" }, { ...other, slug });
    const mine = await create({ name: "x-api", template: "dev" });
    const keys = await db.workspace.findMany({
      where: { id: { in: [theirs.id, mine.id] } },
      select: { routeKey: true },
    });
    expect(new Set(keys.map((row) => row.routeKey)).size).toBe(2);
    expect(keys.map((row) => row.routeKey)).toContain(`${slug}-api`);
  });

  it("hides one user's workspace from another: not found, and untouched", async () => {
    const mallory = await userWithSession(db, uniqueEmail("mallory"));
    const mine = await create({ name: "private-2", template: "dev" });
    for (const attempt of [
      () => getWorkspace({ actor: actorOf(mallory), workspaceId: mine.id }),
      () => launchWorkspace({ actor: actorOf(mallory), workspaceId: mine.id }),
      () => deleteWorkspace({ actor: actorOf(mallory), workspaceId: mine.id, keepData: false }),
      () => updateWorkspaceSettings({ actor: actorOf(mallory), workspaceId: mine.id, input: {} }),
    ])
      await expect(attempt()).rejects.toMatchObject({ code: "WORKSPACE_NOT_FOUND", status: 404 });
    expect(await db.workspace.count({ where: { id: mine.id } })).toBe(1);
  });
});

describe("guards on what a settings change can do", () => {
  it("refuses a secret file whose path is a folder in the workspace, and leaves the folder as it was", async () => {
    const created = await create({ name: "clash", template: "dev" });
    const first = await launchWorkspace({ actor: actorOf(ada), workspaceId: created.id });
    docker(
      "exec",
      first.container_id,
      "sh",
      "-c",
      "mkdir -p /workspace/src && echo keep > /workspace/src/file",
    );
    await updateWorkspaceSettings({
      actor: actorOf(ada),
      workspaceId: created.id,
      input: updateWorkspaceSchema.parse({ secret_files: [{ path: "/workspace/src", content: "x" }] }),
    });
    const error = await launchWorkspace({ actor: actorOf(ada), workspaceId: created.id }).catch((e) => e);
    expect(error).toMatchObject({ code: "CONFLICT", status: 409 });
    expect(error.message).toContain("/workspace/src");
    // The folder and what is in it survive (Docker would otherwise replace the folder by the file).
    const again = await updateWorkspaceSettings({
      actor: actorOf(ada),
      workspaceId: created.id,
      input: updateWorkspaceSchema.parse({ secret_files: [] }),
    });
    const fixed = await launchWorkspace({ actor: actorOf(ada), workspaceId: again.workspace.id });
    expect(docker("exec", fixed.container_id, "cat", "/workspace/src/file")).toBe("keep");
  });

  it("drops a saved token when the repository moves to another host, keeps it on the same host", async () => {
    const created = await create({
      name: "moving",
      template: "dev",
      git: { url: "https://git.one.example/a.git", token: "t1" },
    });
    const move = (url: string) =>
      updateWorkspaceSettings({
        actor: actorOf(ada),
        workspaceId: created.id,
        input: updateWorkspaceSchema.parse({ git: { url } }),
      });
    expect((await move("https://git.one.example/b.git")).workspace.settings.git?.has_token).toBe(true);
    expect((await move("https://git.two.example/b.git")).workspace.settings.git?.has_token).toBe(false);
    expect(await db.workspaceSecret.count({ where: { workspaceId: created.id, kind: "git-token" } })).toBe(0);
  });

  it("does not take a running workspace down to re-create it when its template's image is gone", async () => {
    const created = await create({ name: "keeps-running", template: "dev" });
    const launched = await launchWorkspace({ actor: actorOf(ada), workspaceId: created.id });
    const template = await db.template.findUniqueOrThrow({ where: { name: "dev" } });
    await updateWorkspaceSettings({
      actor: actorOf(ada),
      workspaceId: created.id,
      input: updateWorkspaceSchema.parse({ env: [{ key: "X", value: "1" }] }),
    });
    // As if an administrator pointed the template at an image this engine lacks.
    await db.template.update({ where: { id: template.id }, data: { image: "spawner-missing-image:never" } });
    try {
      const error = await launchWorkspace({ actor: actorOf(ada), workspaceId: created.id }).catch((e) => e);
      expect(error).toMatchObject({ code: "TEMPLATE_IMAGE_NOT_FOUND" });
      expect(JSON.parse(docker("inspect", launched.container_id))[0].State.Running).toBe(true);
    } finally {
      await db.template.update({ where: { id: template.id }, data: { image: template.image } });
    }
  });
});
