import { describe, expect, it } from "vitest";
import { decideForwardAuth, targetFromForwardedUri } from "@/lib/forward-auth/decide";

describe("targetFromForwardedUri", () => {
  it.each([
    ["/ada-dev/", { slug: "ada", type: "dev" }],
    ["/ada-dev", { slug: "ada", type: "dev" }],
    ["/ada-lovelace-prod/static/app.js?v=1", { slug: "ada-lovelace", type: "prod" }],
    ["/%61da-dev/", { slug: "ada", type: "dev" }],
    ["//ada-dev/x", { slug: "ada", type: "dev" }],
    ["/./ada-dev/", { slug: "ada", type: "dev" }],
    ["/bob-dev/../ada-dev/", { slug: "ada", type: "dev" }],
    ["/bob-dev/%2e%2e/ada-dev/", { slug: "ada", type: "dev" }],
  ])("reads %s as Traefik routes it", (uri, target) => {
    expect(targetFromForwardedUri(uri)).toEqual(target);
  });

  it.each([
    null,
    "",
    "ada-dev/",
    "/ADA-DEV/",
    "/ada-staging/",
    "/%2561da-dev/",
    "/ada-dev%00/",
    "/%E0%A4%A/",
    "/../",
    "/-dev/",
    "/ada-/",
    `/${"a".repeat(9000)}-dev/`,
  ])("finds no container for %s", (uri) => {
    expect(targetFromForwardedUri(uri)).toBeNull();
  });
});

describe("decideForwardAuth", () => {
  const ada = { id: "ada", role: "USER" as const };
  const bob = { id: "bob", role: "USER" as const };
  const root = { id: "root", role: "ADMIN" as const };

  it("lets the owner through", () => {
    expect(decideForwardAuth({ caller: ada, targetOwnerId: "ada", expectedOwnerId: "ada" }).status).toBe(200);
    expect(decideForwardAuth({ caller: ada, targetOwnerId: "ada", expectedOwnerId: null }).status).toBe(200);
  });

  it("lets admins through to any existing container", () => {
    expect(decideForwardAuth({ caller: root, targetOwnerId: "ada", expectedOwnerId: "ada" }).status).toBe(
      200,
    );
    expect(decideForwardAuth({ caller: root, targetOwnerId: null, expectedOwnerId: "ada" }).status).toBe(403);
  });

  it("asks strangers to sign in and refuses other users", () => {
    expect(decideForwardAuth({ caller: null, targetOwnerId: "ada", expectedOwnerId: "ada" }).status).toBe(
      401,
    );
    expect(decideForwardAuth({ caller: bob, targetOwnerId: "ada", expectedOwnerId: "ada" }).status).toBe(403);
  });

  it("refuses when the path and the route name different owners", () => {
    expect(decideForwardAuth({ caller: bob, targetOwnerId: "bob", expectedOwnerId: "ada" }).status).toBe(403);
    expect(decideForwardAuth({ caller: root, targetOwnerId: "bob", expectedOwnerId: "ada" }).status).toBe(
      403,
    );
  });
});
