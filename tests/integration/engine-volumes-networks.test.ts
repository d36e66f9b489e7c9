// The Volumes, Networks and System tabs' calls against the real engine: round trips, sizes from system df, a
// workspace's volume named as its workspace's and refused, in-use and protected refusals (the object stays), prune
// narrowed to this file's own label (other runs share the engine), and every change audited.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createWorkspaceSchema } from "@/lib/validations/workspace";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { launchWorkspace } from "@/lib/workspaces/launch-workspace";
import { stopWorkspace } from "@/lib/workspaces/stop-workspace";
import { type AppServer, startAppServer } from "../support/app-server";
import { startDockerProxy } from "../support/docker-proxy";
import { type AdminApi, adminApi } from "../support/engine-objects";
import { IT } from "../support/prefixes";
import { docker, removeNetwork } from "../support/test-image";
import { actorOf, type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const db = getDb();
const RUN = randomBytes(4).toString("hex");
// Not under the app's own LABEL_PREFIX (that is refused on what an admin makes).
const LABEL = `test.${IT}.engine-objects`;
const label = `${LABEL}=${RUN}`;
const name = (what: string) => `${IT}-obj-${RUN}-${what}`;
let app: AppServer;
let admin: TestUser;
let ada: TestUser;
let api: AdminApi;
const volumes: string[] = [];
const networks: string[] = [];
const containers: string[] = [];

const volumeExists = (volume: string) =>
  docker("volume", "ls", "-q", "--filter", `name=^${volume}$`) === volume;
const networkExists = (network: string) =>
  docker("network", "ls", "-q", "--filter", `name=^${network}$`).length > 0;
const container = (what: string, ...args: string[]) => {
  containers.push(name(what));
  docker("create", "--name", name(what), ...args, testSettings.USER_TEMPLATE_IMAGE_DEV);
  return name(what);
};
const audited = (action: string, targetName: string) =>
  db.auditEvent.findFirst({ where: { action, targetName }, orderBy: { id: "desc" } });

beforeAll(async () => {
  admin = await userWithSession(db, uniqueEmail("engine-objects"), "ADMIN");
  ada = await userWithSession(db, uniqueEmail("engine-objects-ada"));
  app = await startAppServer({ ...testSettings, RECONCILER: "off" });
  api = adminApi(app.url, admin.cookie);
}, 90_000);

afterAll(async () => {
  await app?.stop();
  for (const each of containers)
    if (docker("ps", "-aq", "--filter", `name=^${each}$`)) docker("rm", "-f", each);
  for (const each of volumes) if (volumeExists(each)) docker("volume", "rm", "-f", each);
  for (const each of networks) removeNetwork(each);
});

describe("volumes", () => {
  it("creates one, lists its size (system df) and users, refuses it while used, then removes it", async () => {
    const volume = name("data");
    volumes.push(volume);
    const created = await api("POST", "/api/v1/admin/engine/volumes", {
      name: volume,
      labels: { [LABEL]: RUN },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: volume, driver: "local", belongs_to: null, containers: [] });
    expect((await api("POST", "/api/v1/admin/engine/volumes", { name: volume })).status).toBe(409);
    // This app's labels are its own: a volume made here never passes for a workspace's data.
    const ours = await api("POST", "/api/v1/admin/engine/volumes", {
      name: name("fake"),
      labels: { [`${IT}.managed-by`]: "spawner" },
    });
    expect(ours.status).toBe(400);
    expect(volumeExists(name("fake"))).toBe(false);

    docker(
      "run",
      "--rm",
      "--user",
      "0",
      "-v",
      `${volume}:/data`,
      testSettings.USER_TEMPLATE_IMAGE_DEV,
      "sh",
      "-c",
      "head -c 300000 /dev/urandom > /data/blob",
    );
    const user = container("vol-user", "-v", `${volume}:/data`);
    const listed = (await api("GET", "/api/v1/admin/engine/volumes")).body.volumes.find(
      (each: { name: string }) => each.name === volume,
    );
    expect(listed.size_bytes).toBeGreaterThanOrEqual(300_000);
    expect(listed).toMatchObject({ ref_count: 1, containers: [user], labels: { [LABEL]: RUN } });

    const inUse = await api("DELETE", `/api/v1/admin/engine/volumes/${volume}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error).toMatchObject({ code: "IN_USE", message: expect.stringContaining(user) });
    expect(volumeExists(volume)).toBe(true);

    docker("rm", "-f", user);
    expect((await api("DELETE", `/api/v1/admin/engine/volumes/${volume}`)).status).toBe(200);
    expect(volumeExists(volume)).toBe(false);
    expect((await api("DELETE", `/api/v1/admin/engine/volumes/${volume}`)).status).toBe(404);
    const creates = await db.auditEvent.findMany({
      where: { action: "engine.volume.create", targetName: volume },
    });
    expect(creates.map((event) => event.outcome).sort()).toEqual(["NAME_TAKEN", "ok"]);
    expect((await audited("engine.volume.remove", volume))?.outcome).toBe("ENGINE_OBJECT_NOT_FOUND");
    const removed = await db.auditEvent.findMany({
      where: { action: "engine.volume.remove", targetName: volume },
    });
    expect(removed.map((event) => event.outcome).sort()).toEqual(["ENGINE_OBJECT_NOT_FOUND", "IN_USE", "ok"]);
  });

  it("names a stopped workspace's volume as its workspace's, refuses it, and prune keeps it", async () => {
    const workspace = await createWorkspace({
      actor: actorOf(ada),
      input: createWorkspaceSchema.parse({ name: `obj${RUN}`, template: "dev" }),
    });
    await launchWorkspace({ actor: actorOf(ada), workspaceId: workspace.id });
    await stopWorkspace({ actor: actorOf(ada), workspaceId: workspace.id });
    const { volumeName } = await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } });
    volumes.push(volumeName);

    const listed = (await api("GET", "/api/v1/admin/engine/volumes")).body.volumes.find(
      (each: { name: string }) => each.name === volumeName,
    );
    expect(listed.belongs_to).toEqual({
      kind: "workspace",
      workspace_id: workspace.id,
      workspace_name: `obj${RUN}`,
      owner_email: ada.email,
    });
    const refused = await api("DELETE", `/api/v1/admin/engine/volumes/${volumeName}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: "PROTECTED",
      message: expect.stringContaining(`obj${RUN}`),
    });

    // Prune sees it (its labels match) and still leaves it: it is this app's data, not "unused".
    const pruned = await api("POST", "/api/v1/admin/engine/volumes/prune", {
      all: true,
      label: `${IT}.workspace-id=${workspace.id}`,
    });
    expect(pruned.body).toMatchObject({ count: 0, removed: [] });
    expect(volumeExists(volumeName)).toBe(true);

    // Deleted with its data kept: the kept volume is its owner's, still refused here.
    await deleteWorkspace({ actor: actorOf(ada), workspaceId: workspace.id, keepData: true });
    const kept = (await api("GET", "/api/v1/admin/engine/volumes")).body.volumes.find(
      (each: { name: string }) => each.name === volumeName,
    );
    expect(kept.belongs_to).toMatchObject({ kind: "kept", owner_email: ada.email });
    expect((await api("DELETE", `/api/v1/admin/engine/volumes/${volumeName}`)).status).toBe(409);
    expect(volumeExists(volumeName)).toBe(true);
  }, 60_000);

  it("prunes this file's unused volumes: anonymous ones, then named ones too; a used one stays", async () => {
    const anonymous = docker("volume", "create", "--label", label);
    volumes.push(anonymous);
    const named = name("unused");
    const used = name("used");
    volumes.push(named, used);
    docker("volume", "create", "--label", label, named);
    docker("volume", "create", "--label", label, used);
    container("prune-user", "-v", `${used}:/data`);
    // A stack's volume after a down that kept it: its stack's page removes it, prune does not.
    const stack = name("stack-data");
    volumes.push(stack);
    docker(
      "volume",
      "create",
      "--label",
      label,
      "--label",
      `com.docker.compose.project=${name("stack")}`,
      stack,
    );

    const first = await api("POST", "/api/v1/admin/engine/volumes/prune", { label });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ removed: [anonymous], count: 1 });
    const second = await api("POST", "/api/v1/admin/engine/volumes/prune", { all: true, label });
    expect(second.body).toMatchObject({ removed: [named], count: 1 });
    expect(volumeExists(anonymous)).toBe(false);
    expect(volumeExists(named)).toBe(false);
    expect(volumeExists(used)).toBe(true);
    expect(volumeExists(stack)).toBe(true);
    const audit = await db.auditEvent.findFirst({
      where: { action: "engine.volume.prune" },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(String(audit?.details))).toMatchObject({ all: true, label, count: 1 });
  });
});

// A create answers from one inspect of the new volume, so df is not asked at all: this guards that it stays so.
describe("when listing fails right after a create", () => {
  it("answers 201 with the volume made, not a 5xx (system df refused)", async () => {
    const proxy = await startDockerProxy(undefined, { refuse: /^GET \S*\/system\/df/ });
    const flaky = await startAppServer({ ...testSettings, RECONCILER: "off", DOCKER_HOST: proxy.host });
    try {
      const volume = name("df-fails");
      volumes.push(volume);
      const created = await adminApi(flaky.url, admin.cookie)("POST", "/api/v1/admin/engine/volumes", {
        name: volume,
        labels: { [LABEL]: RUN },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({ name: volume, driver: "local", size_bytes: null, containers: [] });
      expect(created.body.mountpoint).toContain(volume);
      expect(volumeExists(volume)).toBe(true);
    } finally {
      await flaky.stop();
      await proxy.down();
    }
  });
});

describe("objects an operator protected (label spawner.protected)", () => {
  it("refuses to remove them or prune them; they stay", async () => {
    const volume = name("guarded");
    const network = name("guarded-net");
    volumes.push(volume);
    networks.push(network);
    docker("volume", "create", "--label", "spawner.protected=proxy", "--label", label, volume);
    docker("network", "create", "--label", "spawner.protected=proxy", network);
    const removeVolume = await api("DELETE", `/api/v1/admin/engine/volumes/${volume}`);
    expect(removeVolume.status).toBe(409);
    expect(removeVolume.body.error.code).toBe("PROTECTED");
    const pruned = await api("POST", "/api/v1/admin/engine/volumes/prune", { all: true, label });
    expect(pruned.body.removed).not.toContain(volume);
    const removeNetwork = await api("DELETE", `/api/v1/admin/engine/networks/${network}`);
    expect(removeNetwork.status).toBe(409);
    expect(removeNetwork.body.error).toMatchObject({
      code: "PROTECTED",
      message: expect.stringContaining("spawner.protected"),
    });
    expect(volumeExists(volume)).toBe(true);
    expect(networkExists(network)).toBe(true);
  });
});

describe("networks", () => {
  it("creates a bridge, lists it, refuses it while a container is attached (naming it), then removes it", async () => {
    const network = name("net");
    networks.push(network);
    const created = await api("POST", "/api/v1/admin/engine/networks", {
      name: network,
      subnet: "10.213.7.0/24",
      labels: { [LABEL]: RUN },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: network,
      driver: "bridge",
      scope: "local",
      subnets: ["10.213.7.0/24"],
      protected: null,
    });
    expect((await api("POST", "/api/v1/admin/engine/networks", { name: network })).status).toBe(409);

    const user = container("net-user", "--network", network);
    const listed = (await api("GET", "/api/v1/admin/engine/networks")).body.networks.find(
      (each: { name: string }) => each.name === network,
    );
    expect(listed.containers).toEqual([user]);
    const inUse = await api("DELETE", `/api/v1/admin/engine/networks/${network}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error).toMatchObject({ code: "IN_USE", message: expect.stringContaining(user) });
    expect(networkExists(network)).toBe(true);

    docker("rm", "-f", user);
    expect((await api("DELETE", `/api/v1/admin/engine/networks/${created.body.id}`)).status).toBe(200);
    expect(networkExists(network)).toBe(false);
    const creates = await db.auditEvent.findMany({
      where: { action: "engine.network.create", targetName: network },
    });
    expect(creates.map((event) => event.outcome).sort()).toEqual(["NAME_TAKEN", "ok"]);
    expect((await audited("engine.network.remove", network))?.outcome).toBe("ok");
  });

  it("refuses an overlay without a Swarm, with a message that says so", async () => {
    const { status, body } = await api("POST", "/api/v1/admin/engine/networks", {
      name: name("ovl"),
      driver: "overlay",
    });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/Swarm/);
    expect(networkExists(name("ovl"))).toBe(false);
  });

  it("refuses the engine's own networks and the workspaces' network (CONTAINER_NETWORK); they stay", async () => {
    docker("network", "inspect", IT); // made by the workspace test above or an earlier launch
    for (const network of ["bridge", "host", "none", IT]) {
      const { status, body } = await api("DELETE", `/api/v1/admin/engine/networks/${network}`);
      expect(status, network).toBe(409);
      expect(body.error.code).toBe("PROTECTED");
      expect(networkExists(network)).toBe(true);
    }
    const listed = (await api("GET", "/api/v1/admin/engine/networks")).body.networks;
    expect(listed.find((each: { name: string }) => each.name === IT).protected).toContain(
      "CONTAINER_NETWORK",
    );
    expect((await audited("engine.network.remove", IT))?.outcome).toBe("PROTECTED");
  });
});

describe("system", () => {
  it("answers the engine's version, storage driver, resources and disk use", async () => {
    const { status, body } = await api("GET", "/api/v1/admin/engine/system");
    expect(status).toBe(200);
    expect(body.engine_version).toBe(docker("version", "-f", "{{.Server.Version}}"));
    expect(body.storage_driver).toBe(docker("info", "-f", "{{.Driver}}"));
    expect(body.api_version).toMatch(/^1\.\d+$/);
    expect(body.cpus).toBeGreaterThan(0);
    expect(body.memory_bytes).toBeGreaterThan(0);
    expect(body.swarm).toEqual({ state: "inactive", manager: false });
    expect(body.disk.images.count).toBeGreaterThan(0);
    expect(body.disk.images.size_bytes).toBeGreaterThan(0);
    for (const kind of ["images", "containers", "volumes", "build_cache"])
      expect(body.disk[kind].reclaimable_bytes).toBeLessThanOrEqual(body.disk[kind].size_bytes);
  });
});
