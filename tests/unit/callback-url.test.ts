import { describe, expect, it } from "vitest";
import { DEFAULT_CALLBACK_PATH, safeCallbackPath } from "@/lib/auth/callback-url";

const origin = "http://localhost:3000";

describe("safeCallbackPath", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/containers/dev?tab=logs#end", "/containers/dev?tab=logs#end"],
    ["http://localhost:3000/containers/prod", "/containers/prod"],
    ["dashboard", "/dashboard"],
  ])("keeps same-origin %s", (raw, expected) => {
    expect(safeCallbackPath(raw, origin)).toBe(expected);
  });

  it.each([
    "https://evil.example",
    "https://evil.example/dashboard",
    "//evil.example",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "data:text/html,hi",
    "http://localhost:3001/",
    "https://localhost:3000/",
    "http://localhost:3000@evil.example/",
    "/api/auth/signout",
    "",
    null,
    undefined,
    `/${"a".repeat(5000)}`,
  ])("falls back to the dashboard for %s", (raw) => {
    expect(safeCallbackPath(raw, origin)).toBe(DEFAULT_CALLBACK_PATH);
  });

  it("never returns anything a browser could read as another host", () => {
    for (const raw of ["/%2F%2Fevil.example", "/.//evil.example", "///evil.example", "/%5Cevil.example"]) {
      const result = safeCallbackPath(raw, origin);
      expect(new URL(result, origin).origin).toBe(origin);
      expect(result.startsWith("//")).toBe(false);
    }
  });
});
