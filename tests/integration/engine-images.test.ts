// The Images tab's calls against the real engine and a real registry: a pull through the app streams the engine's
// per-layer progress and the image lands; a missing reference ends in the registry's words; list, remove, the
// template protection and prune (narrowed to this file's own label: the engine is shared with other runs).
import { randomBytes } from "node:crypto";
import { type AddressInfo, createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { type AppServer, startAppServer } from "../support/app-server";
import {
  type AdminApi,
  adminApi,
  buildTinyImage,
  imageExists,
  postSse,
  removeImages,
} from "../support/engine-objects";
import { IT } from "../support/prefixes";
import { type Registry, startRegistry } from "../support/registry";
import { docker } from "../support/test-image";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { eventually } from "../support/wait";
import { testSettings } from "./setup-env";

const db = getDb();
const RUN = randomBytes(4).toString("hex");
// Not under the app's own LABEL_PREFIX (that is refused on what an admin makes).
const LABEL = `test.${IT}.engine-images`;
const labels = { [LABEL]: RUN };
const local = (name: string) => `${IT}-img-${RUN}-${name}:latest`;
let app: AppServer;
let admin: TestUser;
let registry: Registry;
let api: AdminApi;
const made: string[] = [];
const templateName = `${IT}-img-${RUN}`;

beforeAll(async () => {
  registry = await startRegistry();
  admin = await userWithSession(db, uniqueEmail("engine-images"), "ADMIN");
  app = await startAppServer({ ...testSettings, RECONCILER: "off" });
  api = adminApi(app.url, admin.cookie);
}, 90_000);

afterAll(async () => {
  await app?.stop();
  await registry?.stop();
  await db.workspace.deleteMany({ where: { routeKey: { startsWith: templateName } } });
  await db.template.deleteMany({ where: { name: { startsWith: templateName } } });
  removeImages(...made);
});

describe("pull", () => {
  it("streams the engine's per-layer progress, ends with the image's id, and the image is on the engine", async () => {
    buildTinyImage(labels, local("pushed"));
    made.push(local("pushed"));
    const reference = registry.push(local("pushed"), `${IT}/pulled-${RUN}`, "v1");
    made.push(reference);
    removeImages(local("pushed"));
    expect(imageExists(reference)).toBe(false);

    const { status, events, type } = await postSse(
      `${app.url}/api/v1/admin/engine/images/pull`,
      admin.cookie,
      {
        reference,
      },
    );
    expect(status).toBe(200);
    expect(type).toContain("text/event-stream");
    const progress = events
      .filter((event) => event.event === "progress")
      .map((event) => event.data as { layer?: string; status: string });
    expect(progress.length).toBeGreaterThan(1);
    const layerStatuses = new Set(progress.filter((event) => event.layer).map((event) => event.status));
    expect([...layerStatuses]).toEqual(expect.arrayContaining(["Pull complete"]));
    expect(progress.some((event) => /^[0-9a-f]{12}$/.test(event.layer ?? ""))).toBe(true);
    const last = events.at(-1);
    expect(last?.event).toBe("done");
    const id = (last?.data as { id?: string } | undefined)?.id ?? "";
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(docker("image", "inspect", "-f", "{{.Id}}", reference)).toBe(id);

    const audit = await db.auditEvent.findFirst({
      where: { action: "engine.image.pull", targetName: reference },
    });
    expect(audit).toMatchObject({ outcome: "ok", targetType: "image", targetId: id });

    // Removed by that reference, its slashes URL-encoded in the path.
    const removed = await api("DELETE", `/api/v1/admin/engine/images/${encodeURIComponent(reference)}`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(imageExists(reference)).toBe(false);
  });

  it("ends a missing reference with an error event naming it, and leaves nothing behind", async () => {
    const reference = `${registry.host}/${IT}/missing-${RUN}:nope`;
    const { status, events } = await postSse(`${app.url}/api/v1/admin/engine/images/pull`, admin.cookie, {
      reference,
    });
    expect(status).toBe(200);
    const last = events.at(-1);
    expect(last?.event).toBe("error");
    expect(last?.data).toMatchObject({
      code: "IMAGE_PULL_FAILED",
      message: expect.stringContaining(reference),
    });
    // The registry's own words.
    expect(JSON.stringify(last?.data)).toContain("manifest unknown");
    expect(imageExists(reference)).toBe(false);
    const audit = await db.auditEvent.findFirst({
      where: { action: "engine.image.pull", targetName: reference },
    });
    expect(audit?.outcome).toBe("IMAGE_PULL_FAILED");
  });

  it("ends a pull the registry fails partway (a layer it lost) in an error event, audited as failed", async () => {
    const broken = await startRegistry();
    try {
      buildTinyImage(labels, local("broken"));
      made.push(local("broken"));
      const reference = broken.push(local("broken"), `${IT}/broken-${RUN}`, "v1");
      made.push(reference);
      removeImages(local("broken"));
      broken.dropLargestBlob();
      const { status, events } = await postSse(`${app.url}/api/v1/admin/engine/images/pull`, admin.cookie, {
        reference,
      });
      expect(status).toBe(200);
      expect(events.some((event) => event.event === "progress")).toBe(true);
      const last = events.at(-1);
      expect(last?.event, JSON.stringify(events.slice(-3))).toBe("error");
      expect(last?.data).toMatchObject({
        code: "IMAGE_PULL_FAILED",
        message: expect.stringContaining(reference),
      });
      expect(imageExists(reference)).toBe(false);
      const audit = await db.auditEvent.findFirst({
        where: { action: "engine.image.pull", targetName: reference },
      });
      expect(audit?.outcome).toBe("IMAGE_PULL_FAILED");
    } finally {
      await broken.stop();
    }
  });

  it("answers a pull on an engine that is down with a JSON 503 before any stream", async () => {
    const down = await startAppServer({
      ...testSettings,
      RECONCILER: "off",
      DOCKER_HOST: "unix:///nonexistent/docker.sock",
    });
    try {
      const response = await fetch(`${down.url}/api/v1/admin/engine/images/pull`, {
        method: "POST",
        headers: { cookie: admin.cookie, "content-type": "application/json" },
        body: JSON.stringify({ reference: `${registry.host}/${IT}/down-${RUN}:v1` }),
      });
      const text = await response.text();
      expect(response.status, text).toBe(503);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(JSON.parse(text).error.code).toBe("CONTAINER_ENGINE_UNAVAILABLE");
    } finally {
      await down.stop();
    }
  });

  it("cancels the pull when the client leaves: the app records it at once instead of waiting on the registry", async () => {
    // A registry that accepts connections and never answers: the engine would wait on it for a long time.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    const reference = `127.0.0.1:${port}/${IT}/hangs-${RUN}:v1`;
    const controller = new AbortController();
    try {
      const answer = fetch(`${app.url}/api/v1/admin/engine/images/pull`, {
        method: "POST",
        headers: { cookie: admin.cookie, "content-type": "application/json" },
        body: JSON.stringify({ reference }),
        signal: controller.signal,
      }).then((response) => response.text());
      await new Promise((resolve) => setTimeout(resolve, 1500));
      controller.abort();
      await answer.catch(() => undefined);
      const audit = await eventually(
        "the cancelled pull's audit event",
        10_000,
        async () =>
          (await db.auditEvent.findFirst({
            where: { action: "engine.image.pull", targetName: reference },
          })) ?? undefined,
      );
      expect(audit.outcome).toBe("IMAGE_PULL_FAILED");
      expect(imageExists(reference)).toBe(false);
    } finally {
      silent.close();
    }
  });

  it("waits for a slow registry as long as the engine does, then ends in the engine's words", async () => {
    // The engine answers a pull only once the registry has: with a silent one it gives up after about 25 s.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const reference = `127.0.0.1:${(silent.address() as AddressInfo).port}/${IT}/slow-${RUN}:v1`;
    try {
      const { events } = await postSse(`${app.url}/api/v1/admin/engine/images/pull`, admin.cookie, {
        reference,
      });
      const last = events.at(-1);
      expect(last?.event).toBe("error");
      // The engine's words (its client timeout, worded by Go's net/http), not a timeout of ours.
      expect(last?.data).toMatchObject({
        code: "IMAGE_PULL_FAILED",
        message: expect.stringContaining(reference),
      });
      expect(JSON.stringify(last?.data)).not.toContain("did not start it");
    } finally {
      silent.close();
    }
  }, 70_000);

  it("refuses a reference that is not one before any stream", async () => {
    const { status } = await api("POST", "/api/v1/admin/engine/images/pull", {
      reference: "not a reference!",
    });
    expect(status).toBe(400);
  });
});

describe("list and remove", () => {
  it("lists tags, size, the containers made from an image and the templates using one", async () => {
    const id = buildTinyImage(labels, local("listed"));
    made.push(local("listed"));
    const container = `${IT}-img-${RUN}-user`;
    docker("create", "--name", container, local("listed"), "/a");
    try {
      const { status, body } = await api("GET", "/api/v1/admin/engine/images");
      expect(status).toBe(200);
      const listed = body.images.find((image: { id: string }) => image.id === id);
      expect(listed).toMatchObject({
        repo_tags: [local("listed")],
        containers: { count: 1, names: [container] },
        templates: [],
        dangling: false,
      });
      expect(listed.size_bytes).toBeGreaterThan(90 * 1024);
      const template = body.images.find((image: { repo_tags: string[] }) =>
        image.repo_tags.includes(testSettings.USER_TEMPLATE_IMAGE_DEV),
      );
      expect(template.templates).toEqual(expect.arrayContaining(["USER_TEMPLATE_IMAGE_DEV"]));

      // Without force the engine refuses an image a container was made from, in its own words.
      const refused = await api(
        "DELETE",
        `/api/v1/admin/engine/images/${encodeURIComponent(local("listed"))}`,
      );
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe("IN_USE");
      expect(imageExists(id)).toBe(true);
    } finally {
      docker("rm", "-f", container);
    }
  });

  it("removes an unused image (round trip) and audits it; a second time it is 404", async () => {
    const id = buildTinyImage(labels, local("removed"));
    made.push(local("removed"));
    const path = `/api/v1/admin/engine/images/${encodeURIComponent(local("removed"))}`;
    const { status, body } = await api("DELETE", path);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id, untagged: [local("removed")] });
    expect(body.deleted).toContain(id);
    expect(imageExists(id)).toBe(false);
    expect((await api("DELETE", path)).status).toBe(404);
    const audit = await db.auditEvent.findFirst({ where: { action: "engine.image.remove", targetId: id } });
    expect(audit).toMatchObject({ outcome: "ok", targetName: local("removed") });
  });

  it("refuses a template's image (409 IN_USE) even with force, by tag and by id; the image stays", async () => {
    const image = testSettings.USER_TEMPLATE_IMAGE_DEV;
    const id = docker("image", "inspect", "-f", "{{.Id}}", image);
    for (const target of [image, id, id.slice(7, 19)]) {
      const { status, body } = await api(
        "DELETE",
        `/api/v1/admin/engine/images/${encodeURIComponent(target)}?force=true`,
      );
      expect(status).toBe(409);
      expect(body.error).toMatchObject({
        code: "IN_USE",
        message: expect.stringContaining("USER_TEMPLATE_IMAGE_DEV"),
      });
    }
    expect(imageExists(image)).toBe(true);
    const audit = await db.auditEvent.findFirst({
      where: { action: "engine.image.remove", targetId: id },
      orderBy: { id: "desc" },
    });
    expect(audit?.outcome).toBe("IN_USE");
  });

  it("untags a name no template uses from a template's image, which stays under its own name", async () => {
    const image = testSettings.USER_TEMPLATE_IMAGE_DEV;
    const extra = local("extra-name");
    made.push(extra);
    docker("tag", image, extra);
    const { status, body } = await api("DELETE", `/api/v1/admin/engine/images/${encodeURIComponent(extra)}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ untagged: [extra], deleted: [] });
    expect(imageExists(extra)).toBe(false);
    expect(imageExists(image)).toBe(true);
  });

  it("refuses an image a template in the database launches from", async () => {
    const id = buildTinyImage(labels, local("template"));
    made.push(local("template"));
    await db.template.create({
      data: {
        name: templateName,
        displayName: "Engine images test",
        image: local("template"),
        apps: "[]",
        defaultMemoryMb: 64,
        maxMemoryMb: 64,
        defaultCpus: 0.5,
        maxCpus: 0.5,
        defaultPids: 64,
        maxPids: 64,
      },
    });
    const { status, body } = await api("DELETE", `/api/v1/admin/engine/images/${id}?force=true`);
    expect(status).toBe(409);
    expect(body.error.message).toContain(templateName);
    expect(imageExists(id)).toBe(true);
  });
});

const templateData = (name: string, image: string) => ({
  name,
  displayName: "Engine images test",
  image,
  apps: "[]",
  defaultMemoryMb: 64,
  maxMemoryMb: 64,
  defaultCpus: 0.5,
  maxCpus: 0.5,
  defaultPids: 64,
  maxPids: 64,
});

describe("digests and workspaces", () => {
  it("keeps an image a template pins by digest: not dangling, not pruned, refused by its digest", async () => {
    buildTinyImage(labels, local("pinned"));
    made.push(local("pinned"));
    const pinned = registry.pushDigest(local("pinned"), `${IT}/pinned-${RUN}`);
    removeImages(local("pinned"));
    docker("pull", "-q", pinned);
    made.push(pinned);
    const id = docker("image", "inspect", "-f", "{{.Id}}", pinned);
    expect(docker("image", "inspect", "-f", "{{len .RepoTags}}", pinned)).toBe("0");
    const name = `${templateName}-pinned`;
    await db.template.create({ data: templateData(name, pinned) });

    const listed = (await api("GET", "/api/v1/admin/engine/images")).body.images.find(
      (image: { id: string }) => image.id === id,
    );
    expect(listed).toMatchObject({ repo_tags: [], templates: [name], dangling: false });
    const pruned = await api("POST", "/api/v1/admin/engine/images/prune", { label: `${LABEL}=${RUN}` });
    expect(pruned.status).toBe(200);
    expect(pruned.body.removed.map((image: { id: string }) => image.id)).not.toContain(id);
    expect(imageExists(id)).toBe(true);
    const refused = await api(
      "DELETE",
      `/api/v1/admin/engine/images/${encodeURIComponent(pinned)}?force=true`,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(name);
    expect(imageExists(id)).toBe(true);
  });

  it("refuses an image a stopped workspace was made from, naming how many", async () => {
    const id = buildTinyImage(labels, local("workspace"));
    made.push(local("workspace"));
    const template = await db.template.create({
      data: templateData(`${templateName}-ws`, `${IT}-img-${RUN}-elsewhere:1`),
    });
    const key = `${templateName}-ws`;
    await db.workspace.create({
      data: {
        ownerId: admin.id,
        name: `img-${RUN}`,
        displayName: "Engine images test",
        templateId: template.id,
        routeKey: key,
        workloadName: key,
        volumeName: key,
        image: local("workspace"),
        stoppedReason: "manual",
        stoppedAt: new Date(),
      },
    });
    const { status, body } = await api(
      "DELETE",
      `/api/v1/admin/engine/images/${encodeURIComponent(local("workspace"))}?force=true`,
    );
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: "IN_USE", message: expect.stringContaining("1 workspace") });
    expect(imageExists(id)).toBe(true);
  });
});

describe("prune", () => {
  it("removes this file's unused images (dangling, then all) and keeps a template's and a used one", async () => {
    const dangling = buildTinyImage(labels);
    const unused = buildTinyImage(labels, local("unused"));
    made.push(local("unused"), dangling);
    const template = docker("image", "inspect", "-f", "{{.Id}}", local("template"));
    const used = buildTinyImage(labels, local("used"));
    made.push(local("used"));
    const container = `${IT}-img-${RUN}-keeps`;
    docker("create", "--name", container, local("used"), "/a");
    try {
      const label = `${LABEL}=${RUN}`;
      const first = await api("POST", "/api/v1/admin/engine/images/prune", { label });
      expect(first.status).toBe(200);
      expect(first.body.removed.map((image: { id: string }) => image.id)).toEqual([dangling]);
      expect(first.body.count).toBe(1);
      expect(imageExists(dangling)).toBe(false);
      expect(imageExists(unused)).toBe(true);

      const second = await api("POST", "/api/v1/admin/engine/images/prune", { all: true, label });
      expect(second.status).toBe(200);
      // Every unused image of this file goes (the pulled one and the listed one too), none other.
      const removed = second.body.removed.map((image: { id: string }) => image.id);
      expect(removed).toContain(unused);
      expect(removed).not.toContain(template);
      expect(removed).not.toContain(used);
      // Each pruned image holds its own random layers (96 KiB, tests/support/engine-objects.ts): that much came back.
      expect(second.body.reclaimed_bytes).toBeGreaterThan(90 * 1024);
      expect(imageExists(unused)).toBe(false);
      expect(imageExists(template)).toBe(true);
      expect(imageExists(used)).toBe(true);
      expect(imageExists(testSettings.USER_TEMPLATE_IMAGE_DEV)).toBe(true);
      const audit = await db.auditEvent.findFirst({
        where: { action: "engine.image.prune" },
        orderBy: { id: "desc" },
      });
      expect(audit?.outcome).toBe("ok");
      expect(JSON.parse(String(audit?.details))).toMatchObject({ all: true, label, count: removed.length });
    } finally {
      docker("rm", "-f", container);
    }
  });
});
