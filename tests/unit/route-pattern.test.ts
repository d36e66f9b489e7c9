// The HTTP metrics' route label: every route file's pattern is known, and a path maps to its pattern, never to itself.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_PATTERNS, routePatternOf, UNMATCHED } from "@/lib/metrics/route-pattern";
import { routeFiles } from "../support/app-routes";

/** app/api/workspaces/[id]/stop/route.ts -> /api/workspaces/[id]/stop (route groups "(x)" are not in the URL). */
const patternOfFile = (file: string) =>
  `/${path
    .dirname(file)
    .split("/")
    .slice(1)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .join("/")}`;

describe("route patterns", () => {
  it("knows the pattern of every route file, and none that is not one", () => {
    expect([...ROUTE_PATTERNS].sort()).toEqual(routeFiles().map(patternOfFile).sort());
  });

  it("maps every pattern to itself (its dynamic segments filled in) before any catch-all", () => {
    for (const pattern of ROUTE_PATTERNS) {
      const example = pattern.replace(/\[\[?\.\.\.\w+\]\]?/, "a/b").replace(/\[\w+\]/g, "x1");
      expect(routePatternOf(example), example).toBe(pattern);
    }
  });

  it.each([
    ["/api/workspaces/cm9x2k1z80001abcd/stop", "/api/workspaces/[id]/stop"],
    ["/api/workspaces/cm9x2k1z80001abcd", "/api/workspaces/[id]"],
    ["/api/workspaces", "/api/workspaces"],
    ["/api/container/launch/dev", "/api/container/launch/[type]"],
    ["/api/container/launch/dev/progress", "/api/container/launch/[type]/progress"],
    ["/api/v1/admin/orphans/volumes/spawner-ada-dev/give", "/api/v1/admin/orphans/volumes/[name]/give"],
    ["/api/v1/admin/workspaces/bulk", "/api/v1/admin/workspaces/bulk"],
    ["/api/v1/admin/workspaces/bulk/extra", "/api/[[...path]]"],
    ["/api/auth/callback/nodemailer", "/api/auth/[...nextauth]"],
    ["/api/auth/magic-link", "/api/auth/magic-link"],
    ["/api/nope", "/api/[[...path]]"],
    ["/api/container/launch/dev/extra/more", "/api/[[...path]]"],
    ["/api", "/api/[[...path]]"],
    ["/metrics", "/metrics"],
    ["/metrics/extra", UNMATCHED],
    ["/dashboard", UNMATCHED],
    ["/", UNMATCHED],
  ])("%s -> %s", (pathname, pattern) => {
    expect(routePatternOf(pathname)).toBe(pattern);
  });

  it("labels any path with a known pattern or unmatched, never with the path's own values", () => {
    const known = new Set<string>([...ROUTE_PATTERNS, UNMATCHED]);
    for (let i = 0; i < 200; i += 1) {
      const pathname = `/${["api", "metrics", "x"][i % 3]}/workspaces/ws-${i}${"/stop".repeat(i % 4)}`;
      const label = routePatternOf(pathname);
      expect(known.has(label), pathname).toBe(true);
      expect(label).not.toContain(`ws-${i}`);
    }
  });
});
