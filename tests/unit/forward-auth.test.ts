import { describe, expect, it } from "vitest";
import { decideForwardAuth, routeKeyFromForwardedUri } from "@/lib/forward-auth/decide";

describe("routeKeyFromForwardedUri", () => {
  it.each([
    ["/ada-dev/", "ada-dev"],
    ["/ada-dev", "ada-dev"],
    ["/ada-lovelace-prod/static/app.js?v=1", "ada-lovelace-prod"],
    ["/ada-my-api/", "ada-my-api"],
    ["/%61da-dev/", "ada-dev"],
    ["//ada-dev/x", "ada-dev"],
    ["/./ada-dev/", "ada-dev"],
    ["/bob-dev/../ada-dev/", "ada-dev"],
    ["/bob-dev/%2e%2e/ada-dev/", "ada-dev"],
  ])("reads %s as Traefik routes it", (uri, key) => {
    expect(routeKeyFromForwardedUri(uri)).toBe(key);
  });

  it.each([
    null,
    "",
    "ada-dev/",
    "/ADA-DEV/",
    "/%2561da-dev/",
    "/ada-dev%00/",
    "/%E0%A4%A/",
    "/../",
    "/-dev/",
    "/ada-/",
    "/ada_dev/",
    `/${"a".repeat(9000)}-dev/`,
  ])("finds no workspace for %s", (uri) => {
    expect(routeKeyFromForwardedUri(uri)).toBeNull();
  });
});

describe("decideForwardAuth", () => {
  const ada = { id: "ada", role: "USER" as const };
  const bob = { id: "bob", role: "USER" as const };
  const root = { id: "root", role: "ADMIN" as const };
  const adasDev = { workspaceId: "w1", ownerId: "ada" };
  const byWorkspace = { workspaceId: "w1", ownerId: null };
  const byOwner = { workspaceId: null, ownerId: "ada" };
  const none = { workspaceId: null, ownerId: null };

  it("lets the owner through, whether the route names the workspace or (made before workspaces) the owner", () => {
    for (const expected of [byWorkspace, byOwner, none])
      expect(decideForwardAuth({ caller: ada, target: adasDev, expected }).status).toBe(200);
  });

  it("lets admins through to any existing workspace", () => {
    expect(decideForwardAuth({ caller: root, target: adasDev, expected: byWorkspace }).status).toBe(200);
    expect(decideForwardAuth({ caller: root, target: null, expected: byWorkspace }).status).toBe(403);
  });

  it("asks strangers to sign in and refuses other users", () => {
    expect(decideForwardAuth({ caller: null, target: adasDev, expected: byWorkspace }).status).toBe(401);
    expect(decideForwardAuth({ caller: bob, target: adasDev, expected: byWorkspace }).status).toBe(403);
    expect(decideForwardAuth({ caller: bob, target: null, expected: none }).status).toBe(403);
  });

  it("refuses when the path names another workspace than the route's middleware", () => {
    const bobsDev = { workspaceId: "w2", ownerId: "bob" };
    expect(decideForwardAuth({ caller: bob, target: bobsDev, expected: byWorkspace }).status).toBe(403);
    expect(decideForwardAuth({ caller: root, target: bobsDev, expected: byWorkspace }).status).toBe(403);
    expect(decideForwardAuth({ caller: bob, target: bobsDev, expected: byOwner }).status).toBe(403);
  });
});
