import { beforeAll, describe, expect, it } from "vitest";
import { launchContainer } from "@/lib/containers/launch-container";
import { listUserContainers } from "@/lib/containers/list-user-containers";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { waitForHttp } from "../support/http";
import { IT } from "../support/prefixes";
import { docker } from "../support/test-image";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";

const db = getDb();
const inspect = (id: string) => JSON.parse(docker("inspect", id))[0];
const countLabelled = (userId: string) =>
  docker("ps", "-aq", "--filter", `label=${IT}.owner-id=${userId}`).split("\n").filter(Boolean).length;

describe("launchContainer (real engine)", () => {
  let ada: TestUser;
  beforeAll(async () => {
    ada = await userWithSession(db, uniqueEmail("ada"));
  });

  it("creates a hardened, limited, labelled container that serves its owner's page", async () => {
    const result = await launchContainer({ owner: ada, type: "dev" });
    expect(result).toMatchObject({
      status: "running",
      container_id: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(result.service_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await waitForHttp(String(result.service_url))).toContain(`Hello from ${ada.slug}-dev`);

    const info = inspect(result.container_id);
    expect(info.Name).toBe(`/user-${ada.slug}-dev-${ada.id}`);
    expect(info.Config.Labels).toMatchObject({
      [`${IT}.managed-by`]: "spawner",
      [`${IT}.owner-id`]: ada.id,
      [`${IT}.type`]: "dev",
      [`${IT}.slug`]: ada.slug,
    });
    expect(info.Config.Env).toEqual(
      expect.arrayContaining([`USER_ID=${ada.id}`, `USER_SLUG=${ada.slug}`, "CONTAINER_TYPE=dev"]),
    );
    const host = info.HostConfig;
    expect(host.Privileged).toBe(false);
    expect(host.CapDrop).toEqual(["ALL"]);
    expect(host.CapAdd.sort()).toEqual(["CHOWN", "NET_BIND_SERVICE", "SETGID", "SETUID"]);
    expect(host.SecurityOpt).toContain("no-new-privileges:true");
    expect(host.Binds ?? []).toEqual([]);
    expect(info.Mounts).toEqual([]);
    expect(host.Init).toBe(true);
    expect(host.RestartPolicy.Name).toBe("unless-stopped");
    expect(host.Memory).toBe(64 * 1024 * 1024);
    expect(host.MemorySwap).toBe(64 * 1024 * 1024);
    expect(host.NanoCpus).toBe(500_000_000);
    expect(host.PidsLimit).toBe(64);
    expect(host.PortBindings["8080/tcp"]).toEqual([{ HostIp: "127.0.0.1", HostPort: "" }]);
    expect(Object.keys(info.NetworkSettings.Networks)).toEqual([IT]);

    const row = await db.userContainer.findUniqueOrThrow({
      where: { userId_containerType: { userId: ada.id, containerType: "dev" } },
    });
    expect(row).toMatchObject({
      containerId: result.container_id,
      containerName: `user-${ada.slug}-dev-${ada.id}`,
    });
  });

  it("returns the running container again and updates last used", async () => {
    const before = await db.userContainer.findFirstOrThrow({
      where: { userId: ada.id, containerType: "dev" },
    });
    const again = await launchContainer({ owner: ada, type: "dev" });
    const after = await db.userContainer.findFirstOrThrow({
      where: { userId: ada.id, containerType: "dev" },
    });
    expect(again.container_id).toBe(before.containerId);
    expect(after.lastUsedAt.getTime()).toBeGreaterThan(before.lastUsedAt.getTime());
  });

  it("starts a container that was stopped", async () => {
    const { container_id } = await launchContainer({ owner: ada, type: "dev" });
    docker("stop", "-t", "1", container_id);
    const started = await launchContainer({ owner: ada, type: "dev" });
    expect(started.container_id).toBe(container_id);
    expect(inspect(container_id).State.Running).toBe(true);
  });

  it("creates the container again after it was removed behind the app's back", async () => {
    const first = await launchContainer({ owner: ada, type: "dev" });
    docker("rm", "-f", first.container_id);
    const second = await launchContainer({ owner: ada, type: "dev" });
    expect(second.container_id).not.toBe(first.container_id);
    expect(await waitForHttp(String(second.service_url))).toContain(`Hello from ${ada.slug}-dev`);
    const row = await db.userContainer.findFirstOrThrow({ where: { userId: ada.id, containerType: "dev" } });
    expect(row.containerId).toBe(second.container_id);
    expect(countLabelled(ada.id)).toBe(1);
  });

  it("gives twenty parallel launches exactly one container, one row and one id", async () => {
    const grace = await userWithSession(db, uniqueEmail("grace"));
    const results = await Promise.all(
      Array.from({ length: 20 }, () => launchContainer({ owner: grace, type: "dev" })),
    );
    expect(new Set(results.map((result) => result.container_id)).size).toBe(1);
    expect(countLabelled(grace.id)).toBe(1);
    expect(await db.userContainer.count({ where: { userId: grace.id } })).toBe(1);
  });

  it("adopts a container made by another process under the same name instead of failing", async () => {
    const linus = await userWithSession(db, uniqueEmail("linus"));
    const first = await launchContainer({ owner: linus, type: "dev" });
    // Another process crashed after create: the engine has the container, our row lost its id.
    await db.userContainer.updateMany({ where: { userId: linus.id }, data: { containerId: null } });
    const again = await launchContainer({ owner: linus, type: "dev" });
    expect(again.container_id).toBe(first.container_id);
    // Even with the row gone entirely, the container is adopted and the row written again.
    await db.userContainer.deleteMany({ where: { userId: linus.id } });
    const third = await launchContainer({ owner: linus, type: "dev" });
    expect(third.container_id).toBe(first.container_id);
    expect(
      await db.userContainer.count({ where: { userId: linus.id, containerId: first.container_id } }),
    ).toBe(1);
    expect(countLabelled(linus.id)).toBe(1);
  });

  it("names the image and type when the template image is missing, leaving no row and no container", async () => {
    const error = await launchContainer({ owner: ada, type: "prod" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("TEMPLATE_IMAGE_NOT_FOUND");
    expect(error.message).toContain("spawner-missing-image:never");
    expect(error.message).toContain("prod");
    expect(await db.userContainer.count({ where: { userId: ada.id, containerType: "prod" } })).toBe(0);
    expect(
      docker("ps", "-aq", "--filter", `label=${IT}.owner-id=${ada.id}`, "--filter", `label=${IT}.type=prod`),
    ).toBe("");
  });

  it("rejects unknown container types with INVALID_CONTAINER_TYPE", async () => {
    for (const type of ["staging", "DEV", "../dev", "", null, 42]) {
      await expect(launchContainer({ owner: ada, type })).rejects.toMatchObject({
        code: "INVALID_CONTAINER_TYPE",
      });
    }
  });
});

describe("listUserContainers (real engine)", () => {
  it("always returns both types with statuses read from Docker", async () => {
    const owner = await userWithSession(db, uniqueEmail("lister"));
    const empty = await listUserContainers({ owner });
    expect(empty.map((view) => [view.type, view.status])).toEqual([
      ["dev", "not_created"],
      ["prod", "not_created"],
    ]);

    const launching = launchContainer({ owner, type: "dev" });
    expect((await listUserContainers({ owner }))[0]?.status).toBe("creating");
    const { container_id, service_url } = await launching;

    const running = await listUserContainers({ owner });
    expect(running[0]).toMatchObject({
      type: "dev",
      display_name: "Development",
      status: "running",
      container_id,
      service_url,
      created_at: expect.any(String),
      last_used: expect.any(String),
    });
    expect(running[1]?.status).toBe("not_created");

    docker("stop", "-t", "1", container_id);
    expect((await listUserContainers({ owner }))[0]).toMatchObject({ status: "stopped", service_url: null });

    docker("rm", "-f", container_id);
    expect((await listUserContainers({ owner }))[0]).toMatchObject({
      status: "not_created",
      container_id: null,
    });
  });
});
