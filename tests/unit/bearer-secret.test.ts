// The metrics scrape's shared secret: only `Bearer <secret>` itself opens it, and an unset secret opens nothing.
import { describe, expect, it } from "vitest";
import { isBearerSecret } from "@/lib/auth/bearer-secret";

const SECRET = "0123456789abcdef0123456789abcdef";

describe("isBearerSecret", () => {
  it("accepts the secret after Bearer, in any case of the scheme", () => {
    expect(isBearerSecret(`Bearer ${SECRET}`, SECRET)).toBe(true);
    expect(isBearerSecret(`bearer \t${SECRET} `, SECRET)).toBe(true);
  });

  it.each([
    ["no header", null],
    ["another scheme", `Basic ${SECRET}`],
    ["a longer value", `Bearer ${SECRET}0`],
    ["a shorter value", `Bearer ${SECRET.slice(1)}`],
    ["another case", `Bearer ${SECRET.toUpperCase()}`],
    ["two values", `Bearer ${SECRET} ${SECRET}`],
    ["an empty bearer", "Bearer "],
  ])("refuses %s", (_, header) => {
    expect(isBearerSecret(header, SECRET)).toBe(false);
  });

  it("refuses everything while no secret is set", () => {
    expect(isBearerSecret("Bearer ", undefined)).toBe(false);
    expect(isBearerSecret(`Bearer ${SECRET}`, undefined)).toBe(false);
    expect(isBearerSecret("Bearer x", "")).toBe(false);
  });
});
