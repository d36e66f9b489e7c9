// Launching workspaces through the use cases against the real engine: what the engine holds afterwards.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { launchSlot } from "@/lib/workspaces/launch-slot";
import { listSlots } from "@/lib/workspaces/list-slots";
import { waitForHttp } from "../support/http";
import { IT } from "../support/prefixes";
import { docker } from "../support/test-image";
import { actorOf, type TestUser, uniqueEmail, userWithSession } from "../support/users";

const db = getDb();
const inspect = (id: string) => JSON.parse(docker("inspect", id))[0];
const countLabelled = (userId: string) =>
  docker("ps", "-aq", "--filter", `label=${IT}.owner-id=${userId}`).split("\n").filter(Boolean).length;
const slotRow = (userId: string, name: string) =>
  db.workspace.findUniqueOrThrow({ where: { ownerId_name: { ownerId: userId, name } } });

describe("launchSlot (real engine)", () => {
  let ada: TestUser;
  beforeAll(async () => {
    ada = await userWithSession(db, uniqueEmail("ada"));
  });

  it("creates a hardened, limited, labelled container with its data volume that serves its owner's page", async () => {
    const result = await launchSlot({ actor: actorOf(ada), type: "dev" });
    expect(result).toMatchObject({
      status: "running",
      container_id: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(result.service_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await waitForHttp(String(result.service_url))).toContain(`Hello from ${ada.slug}-dev`);

    const row = await slotRow(ada.id, "dev");
    const info = inspect(result.container_id);
    expect(info.Name).toBe(`/ws-${ada.slug}-dev-${row.id}`);
    expect(info.Config.Labels).toMatchObject({
      [`${IT}.managed-by`]: "spawner",
      [`${IT}.workspace-id`]: row.id,
      [`${IT}.owner-id`]: ada.id,
      [`${IT}.workspace`]: "dev",
      [`${IT}.template`]: "dev",
    });
    expect(info.Config.Env).toEqual(
      expect.arrayContaining([
        `USER_ID=${ada.id}`,
        `USER_SLUG=${ada.slug}`,
        "CONTAINER_TYPE=dev",
        `WORKSPACE_ID=${row.id}`,
      ]),
    );
    const host = info.HostConfig;
    expect(host.Privileged).toBe(false);
    expect(host.CapDrop).toEqual(["ALL"]);
    expect(host.CapAdd.sort()).toEqual(["CHOWN", "NET_BIND_SERVICE", "SETGID", "SETUID"]);
    expect(host.SecurityOpt).toContain("no-new-privileges:true");
    expect(host.Binds ?? []).toEqual([]);
    // One mount: the workspace's named volume at the data path, never a host path.
    expect(
      info.Mounts.map((mount: { Type: string; Name: string; Destination: string }) => [
        mount.Type,
        mount.Name,
        mount.Destination,
      ]),
    ).toEqual([["volume", row.volumeName, "/workspace"]]);
    expect(JSON.parse(docker("volume", "inspect", row.volumeName))[0].Labels).toMatchObject({
      [`${IT}.workspace-id`]: row.id,
      [`${IT}.owner-id`]: ada.id,
    });
    // The data folder belongs to the workspace's user (a fresh volume is root's).
    expect(docker("exec", result.container_id, "stat", "-c", "%u:%g %a", "/workspace")).toBe("1000:1000 755");
    expect(host.Init).toBe(true);
    expect(host.RestartPolicy.Name).toBe("unless-stopped");
    expect(host.Memory).toBe(64 * 1024 * 1024);
    expect(host.MemorySwap).toBe(64 * 1024 * 1024);
    expect(host.NanoCpus).toBe(500_000_000);
    expect(host.PidsLimit).toBe(64);
    expect(host.PortBindings["8080/tcp"]).toEqual([{ HostIp: "127.0.0.1", HostPort: "" }]);
    expect(Object.keys(info.NetworkSettings.Networks)).toEqual([IT]);
    expect(row).toMatchObject({
      runtimeId: result.container_id,
      routeKey: `${ada.slug}-dev`,
      lastError: null,
    });
  });

  it("returns the running container again and updates last used", async () => {
    const before = await slotRow(ada.id, "dev");
    const again = await launchSlot({ actor: actorOf(ada), type: "dev" });
    const after = await slotRow(ada.id, "dev");
    expect(again.container_id).toBe(before.runtimeId);
    expect(after.lastUsedAt.getTime()).toBeGreaterThan(before.lastUsedAt.getTime());
  });

  it("starts a container that was stopped", async () => {
    const { container_id } = await launchSlot({ actor: actorOf(ada), type: "dev" });
    docker("stop", "-t", "1", container_id);
    const started = await launchSlot({ actor: actorOf(ada), type: "dev" });
    expect(started.container_id).toBe(container_id);
    expect(inspect(container_id).State.Running).toBe(true);
  });

  it("creates the container again after it was removed behind the app's back, with the same data", async () => {
    const first = await launchSlot({ actor: actorOf(ada), type: "dev" });
    docker("exec", first.container_id, "sh", "-c", "echo survived > /workspace/note");
    docker("rm", "-f", first.container_id);
    const second = await launchSlot({ actor: actorOf(ada), type: "dev" });
    expect(second.container_id).not.toBe(first.container_id);
    expect(await waitForHttp(String(second.service_url))).toContain(`Hello from ${ada.slug}-dev`);
    expect(docker("exec", second.container_id, "cat", "/workspace/note")).toBe("survived");
    expect((await slotRow(ada.id, "dev")).runtimeId).toBe(second.container_id);
    expect(countLabelled(ada.id)).toBe(1);
  });

  it("gives twenty parallel launches exactly one container, one row and one id", async () => {
    const grace = await userWithSession(db, uniqueEmail("grace"));
    const results = await Promise.all(
      Array.from({ length: 20 }, () => launchSlot({ actor: actorOf(grace), type: "dev" })),
    );
    expect(new Set(results.map((result) => result.container_id)).size).toBe(1);
    expect(countLabelled(grace.id)).toBe(1);
    expect(await db.workspace.count({ where: { ownerId: grace.id } })).toBe(1);
  });

  it("adopts a container made by another process under the same name instead of failing", async () => {
    const linus = await userWithSession(db, uniqueEmail("linus"));
    const first = await launchSlot({ actor: actorOf(linus), type: "dev" });
    // Another process crashed after create: the engine has the container, the row lost its id.
    await db.workspace.updateMany({ where: { ownerId: linus.id }, data: { runtimeId: null } });
    const again = await launchSlot({ actor: actorOf(linus), type: "dev" });
    expect(again.container_id).toBe(first.container_id);
    expect(await db.workspace.count({ where: { ownerId: linus.id, runtimeId: first.container_id } })).toBe(1);
    expect(countLabelled(linus.id)).toBe(1);
  });

  it("names the image and template when the template image is missing, leaving no row, container or volume", async () => {
    const volumesBefore = docker("volume", "ls", "-q", "--filter", `label=${IT}.owner-id=${ada.id}`);
    const error = await launchSlot({ actor: actorOf(ada), type: "prod" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("TEMPLATE_IMAGE_NOT_FOUND");
    expect(error.message).toContain("spawner-missing-image:never");
    expect(error.message).toContain("prod");
    expect(await db.workspace.count({ where: { ownerId: ada.id, name: "prod" } })).toBe(0);
    expect(
      docker(
        "ps",
        "-aq",
        "--filter",
        `label=${IT}.owner-id=${ada.id}`,
        "--filter",
        `label=${IT}.workspace=prod`,
      ),
    ).toBe("");
    expect(docker("volume", "ls", "-q", "--filter", `label=${IT}.owner-id=${ada.id}`)).toBe(volumesBefore);
  });

  it("rejects unknown slot types with INVALID_CONTAINER_TYPE", async () => {
    for (const type of ["staging", "DEV", "../dev", "", null, 42]) {
      await expect(launchSlot({ actor: actorOf(ada), type })).rejects.toMatchObject({
        code: "INVALID_CONTAINER_TYPE",
      });
    }
  });
});

describe("listSlots (real engine)", () => {
  it("always returns both slots with statuses read from the engine", async () => {
    const owner = await userWithSession(db, uniqueEmail("lister"));
    const actor = actorOf(owner);
    const empty = await listSlots({ actor });
    expect(empty.map((view) => [view.type, view.status])).toEqual([
      ["dev", "not_created"],
      ["prod", "not_created"],
    ]);

    const launching = launchSlot({ actor, type: "dev" });
    expect((await listSlots({ actor }))[0]?.status).toBe("creating");
    const { container_id, service_url } = await launching;

    const running = await listSlots({ actor });
    expect(running[0]).toEqual({
      type: "dev",
      display_name: "Development",
      description: expect.any(String),
      status: "running",
      container_id,
      service_url,
      created_at: expect.any(String),
      last_used: expect.any(String),
    });
    expect(running[1]?.status).toBe("not_created");

    docker("stop", "-t", "1", container_id);
    expect((await listSlots({ actor }))[0]).toMatchObject({ status: "stopped", service_url: null });

    docker("rm", "-f", container_id);
    expect((await listSlots({ actor }))[0]).toMatchObject({ status: "not_created", container_id: null });
  });
});
