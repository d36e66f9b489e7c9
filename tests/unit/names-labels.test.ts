import { describe, expect, it } from "vitest";
import {
  belongsTo,
  labelKeys,
  managedSelector,
  readWorkloadKey,
  workloadLabels,
} from "@/lib/workspaces/labels";
import {
  alternateRouteKey,
  escapeDockerName,
  newWorkspaceId,
  routeKey,
  WORKSPACE_NAME,
  workloadName,
} from "@/lib/workspaces/names";

describe("names", () => {
  it("names a workload ws-{slug}-{name}-{id}", () => {
    expect(workloadName({ slug: "ada", name: "dev", id: "w1abc" })).toBe("ws-ada-dev-w1abc");
  });

  it("escapes anything outside Docker's name alphabet", () => {
    expect(escapeDockerName("user-a/b\\c d:e`f\u0000g")).toBe("user-a-b-c-d-e-f-g");
    expect(escapeDockerName("../etc")).toBe("etc");
    expect(escapeDockerName("///")).toBe("x");
    expect(escapeDockerName("a".repeat(500))).toHaveLength(128);
    for (const raw of ["-lead", ".dot", "_under", "ok.name_1-2"])
      expect(escapeDockerName(raw)).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/);
  });

  it.each(["a", "dev", "my-app-2", "a".repeat(32), "0x"])("accepts %s as a workspace name", (name) => {
    expect(WORKSPACE_NAME.test(name)).toBe(true);
  });

  it.each(["", "-a", "a-", "A", "a_b", "a.b", "a".repeat(33), "ünï", "a b", "a\n"])(
    "refuses %j as a workspace name",
    (name) => {
      expect(WORKSPACE_NAME.test(name)).toBe(false);
    },
  );

  it("spells route keys {slug}-{name}, with a random suffix for a key another workspace holds", () => {
    expect(routeKey("ada", "dev")).toBe("ada-dev");
    // "ada-dev" + "x" and "ada" + "dev-x" spell the same key: the second one gets an alternate.
    expect(routeKey("ada-dev", "x")).toBe(routeKey("ada", "dev-x"));
    expect(alternateRouteKey("ada", "dev-x")).toMatch(/^ada-dev-x-[0-9a-f]{6}$/);
    expect(alternateRouteKey("ada", "x")).not.toBe(alternateRouteKey("ada", "x"));
  });

  it("makes ids that are [a-z0-9], start with a letter and don't repeat", () => {
    const ids = new Set(Array.from({ length: 1000 }, newWorkspaceId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^w[a-z0-9]{10,24}$/);
  });
});

describe("workload labels", () => {
  const who = { workspaceId: "w1", ownerId: "u1", name: "api", template: "dev", slug: "ada" };

  it("carries managed-by, workspace id, owner, name, template and slug under the prefix", () => {
    expect(workloadLabels("spawner", who)).toEqual({
      "spawner.managed-by": "spawner",
      "spawner.workspace-id": "w1",
      "spawner.owner-id": "u1",
      "spawner.workspace": "api",
      "spawner.template": "dev",
      "spawner.slug": "ada",
    });
  });

  it("selects by managed-by and optionally the owner", () => {
    expect(managedSelector("spawner")).toEqual({ "spawner.managed-by": "spawner" });
    expect(managedSelector("spawner", "u1")).toEqual({
      "spawner.managed-by": "spawner",
      "spawner.owner-id": "u1",
    });
  });

  it("reads the workspace back by id, and a container from before workspaces by owner and type", () => {
    expect(readWorkloadKey("spawner", workloadLabels("spawner", who))).toEqual({
      workspaceId: "w1",
      ownerId: "u1",
      name: "api",
    });
    const legacy = {
      "spawner.managed-by": "spawner",
      "spawner.owner-id": "u1",
      "spawner.type": "dev",
      "spawner.slug": "ada",
    };
    expect(readWorkloadKey("spawner", legacy)).toEqual({ workspaceId: null, ownerId: "u1", name: "dev" });
    expect(readWorkloadKey("other", legacy)).toBeNull();
    expect(
      readWorkloadKey("p", {
        [labelKeys("p").managedBy]: "someone-else",
        "p.owner-id": "u1",
        "p.type": "dev",
      }),
    ).toBeNull();
    expect(readWorkloadKey("p", { [labelKeys("p").managedBy]: "spawner" })).toBeNull();
    expect(readWorkloadKey("p", undefined)).toBeNull();
  });

  it("lets a workspace claim only its own workload", () => {
    const mine = { id: "w1", ownerId: "u1", name: "api" };
    expect(belongsTo({ workspaceId: "w1", ownerId: "u1", name: "api" }, mine)).toBe(true);
    // An id label decides, whatever the other labels say.
    expect(belongsTo({ workspaceId: "w2", ownerId: "u1", name: "api" }, mine)).toBe(false);
    expect(belongsTo({ workspaceId: null, ownerId: "u1", name: "api" }, mine)).toBe(true);
    expect(belongsTo({ workspaceId: null, ownerId: "u2", name: "api" }, mine)).toBe(false);
    expect(belongsTo(null, mine)).toBe(false);
  });
});
