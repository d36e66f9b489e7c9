// The pure parts of the engine pages: image names as the engine spells them, which images templates use, the pull's
// progress lines, label filters, disk use with the engine's -1 for "not measured", engine errors in our words, and
// the forms' input.
import { describe, expect, it } from "vitest";
import { parseLabels } from "@/components/admin/engine/system/labels-input";
import { formatBytes } from "@/components/workspaces/format";
import { engineError } from "@/lib/engine/engine-call";
import { canonical, withTag } from "@/lib/engine/images/image-view";
import { progressOf, throttled } from "@/lib/engine/images/pull-events";
import { templatesOf } from "@/lib/engine/images/template-images";
import { diskUse } from "@/lib/engine/system/disk-use";
import { labelsMatch } from "@/lib/engine/system/labels-match";
import { createNetworkSchema, createVolumeSchema, pruneImagesSchema } from "@/lib/validations/engine-objects";

const ID = `sha256:${"ab12".repeat(16)}`;

describe("image names", () => {
  it("reads a bare name as :latest and Docker Hub's long spellings as the short one", () => {
    expect(withTag("spawner-dev")).toBe("spawner-dev:latest");
    expect(withTag("127.0.0.1:5000/team/app")).toBe("127.0.0.1:5000/team/app:latest");
    expect(withTag("127.0.0.1:5000/team/app:v1")).toBe("127.0.0.1:5000/team/app:v1");
    expect(withTag("app@sha256:00")).toBe("app@sha256:00");
    expect(canonical("docker.io/library/node:20")).toBe("node:20");
    expect(canonical("docker.io/team/app")).toBe("team/app:latest");
  });

  it("finds the templates of an image by any tag or by its id, full or short", () => {
    const uses = new Map([
      ["node:20", ["web"]],
      [ID, ["pinned"]],
      ["ab12ab12ab12:latest", ["short"]],
    ]);
    expect(templatesOf(uses, { id: ID, repoTags: ["node:20", "other:1"] })).toEqual([
      "pinned",
      "short",
      "web",
    ]);
    expect(templatesOf(uses, { id: `sha256:${"cd".repeat(32)}`, repoTags: ["other:1"] })).toEqual([]);
  });

  it("finds a template that pins its image by digest, in any spelling, on an image without tags", () => {
    const digest = `sha256:${"ef".repeat(32)}`;
    expect(canonical(`docker.io/library/node:20@${digest}`)).toBe(`node@${digest}`);
    expect(canonical(`127.0.0.1:5000/team/app:v1@${digest}`)).toBe(`127.0.0.1:5000/team/app@${digest}`);
    const uses = new Map([[canonical(`registry.example.com:5000/team/app:v1@${digest}`), ["pinned"]]]);
    const image = { id: ID, repoTags: [], repoDigests: [`registry.example.com:5000/team/app@${digest}`] };
    expect(templatesOf(uses, image)).toEqual(["pinned"]);
    expect(
      templatesOf(uses, { ...image, repoDigests: [`registry.example.com:5000/other@${digest}`] }),
    ).toEqual([]);
  });
});

describe("pull progress", () => {
  it("keeps a layer's status and bytes and names the image's own lines", () => {
    expect(
      progressOf({ id: "0123456789ab", status: "Downloading", progressDetail: { current: 5, total: 10 } }),
    ).toEqual({ layer: "0123456789ab", status: "Downloading", current: 5, total: 10 });
    expect(progressOf({ id: "v1", status: "Pulling from team/app" })).toEqual({
      status: "v1: Pulling from team/app",
    });
    expect(progressOf({ status: "Digest: sha256:00" })).toEqual({ status: "Digest: sha256:00" });
    expect(progressOf({ error: "boom" })).toBeNull();
  });

  it("sends one Downloading line per layer per interval, and every other status", () => {
    const sent: string[] = [];
    const send = throttled((event) => sent.push(`${event.layer}:${event.status}`), 60_000);
    for (let i = 0; i < 5; i++) send({ layer: "aaaaaaaaaaaa", status: "Downloading", current: i, total: 9 });
    send({ layer: "bbbbbbbbbbbb", status: "Downloading" });
    send({ layer: "aaaaaaaaaaaa", status: "Pull complete" });
    expect(sent).toEqual([
      "aaaaaaaaaaaa:Downloading",
      "bbbbbbbbbbbb:Downloading",
      "aaaaaaaaaaaa:Pull complete",
    ]);
  });
});

describe("labels", () => {
  it("matches key or key=value filters", () => {
    expect(labelsMatch({ a: "1" }, undefined)).toBe(true);
    expect(labelsMatch({ a: "1" }, "a")).toBe(true);
    expect(labelsMatch({ a: "1" }, "a=1")).toBe(true);
    expect(labelsMatch({ a: "1" }, "a=2")).toBe(false);
    expect(labelsMatch({ a: "" }, "a=")).toBe(true);
    expect(labelsMatch(null, "a")).toBe(false);
  });

  it("reads typed labels one key=value a line", () => {
    expect(parseLabels("team=ops\n\n  tier = x \nflag")).toEqual({ team: "ops", tier: "x", flag: "" });
  });
});

describe("disk use", () => {
  it("counts the engine's -1 (not measured) as 0 and never reclaims more than the size", () => {
    const disk = diskUse({
      LayersSize: 1000,
      Images: [
        { Size: 600, SharedSize: 100, Containers: 0 },
        { Size: 400, SharedSize: -1, Containers: 2 },
      ],
      Containers: [
        { SizeRw: 10, State: "exited" },
        { SizeRw: -1, State: "running" },
      ],
      Volumes: [{ UsageData: { Size: -1, RefCount: -1 } }, { UsageData: { Size: 50, RefCount: 0 } }],
      BuildCache: null,
    });
    expect(disk.images).toEqual({ count: 2, size_bytes: 1000, reclaimable_bytes: 500 });
    expect(disk.containers).toEqual({ count: 2, size_bytes: 10, reclaimable_bytes: 10 });
    expect(disk.volumes).toEqual({ count: 2, size_bytes: 50, reclaimable_bytes: 50 });
    expect(disk.build_cache).toEqual({ count: 0, size_bytes: 0, reclaimable_bytes: 0 });
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(null)).toBe("—");
  });
});

describe("engine errors", () => {
  const fail = (statusCode: number, message: string, json: unknown = { message }) =>
    Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${message}`), { statusCode, json });

  it("keeps the engine's words for a refusal and names the object for a 404", () => {
    expect(
      engineError(fail(409, "image is being used by running container abc"), "remove the image"),
    ).toMatchObject({
      code: "IN_USE",
      message: "The engine refused: image is being used by running container abc",
    });
    expect(engineError(fail(404, "no such image"), "remove", "image x:1")).toMatchObject({
      code: "ENGINE_OBJECT_NOT_FOUND",
      message: "There is no image x:1 on the engine.",
    });
    // A streamed call has no parsed body: the words come from the message.
    expect(engineError(fail(400, "invalid reference format", null), "pull")).toMatchObject({
      code: "VALIDATION_FAILED",
      message: "The engine refused: invalid reference format",
    });
    // Docker's 403 is two refusals: a network still in use, or one of its own.
    expect(
      engineError(fail(403, "error while removing network: network n id abc has active endpoints"), "remove"),
    ).toMatchObject({ code: "IN_USE" });
    expect(
      engineError(fail(403, "bridge is a pre-defined network and cannot be removed"), "remove"),
    ).toMatchObject({
      code: "PROTECTED",
    });
    expect(engineError(Object.assign(new Error("connect ENOENT"), { code: "ENOENT" }), "list")).toMatchObject(
      {
        code: "CONTAINER_ENGINE_UNAVAILABLE",
      },
    );
  });
});

describe("input", () => {
  it("defaults and refuses what the engine would not take", () => {
    expect(createVolumeSchema.parse({ name: "data" })).toEqual({ name: "data", driver: "local", labels: {} });
    expect(createVolumeSchema.safeParse({ name: "-x" }).success).toBe(false);
    // Volume names go to 255 (as Docker's), network names to 128.
    expect(createVolumeSchema.safeParse({ name: "v".repeat(255) }).success).toBe(true);
    expect(createNetworkSchema.safeParse({ name: "n".repeat(129) }).success).toBe(false);
    expect(createNetworkSchema.parse({ name: "net" })).toMatchObject({ driver: "bridge", internal: false });
    expect(createNetworkSchema.safeParse({ name: "net", driver: "macvlan" }).success).toBe(false);
    expect(createNetworkSchema.safeParse({ name: "net", subnet: "10.0.0.0" }).success).toBe(false);
    expect(pruneImagesSchema.parse({})).toEqual({ all: false });
    expect(pruneImagesSchema.safeParse({ label: "=" }).success).toBe(false);
  });
});
