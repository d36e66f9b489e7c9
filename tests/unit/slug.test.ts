import { describe, expect, it } from "vitest";
import { pickFreeSlug, SLUG_MAX_LENGTH, slugFromEmail } from "@/lib/auth/slug";

describe("slugFromEmail", () => {
  it.each([
    ["ada@example.com", "ada"],
    ["Ada.Lovelace@Example.com", "ada-lovelace"],
    ["ada+spawner@example.com", "ada-spawner"],
    ["--ada__--@example.com", "ada"],
    ["José.Núñez@example.com", "jose-nunez"],
    ["___@example.com", "user"],
    ["用户@example.com", "user"],
    ["a..b@example.com", "a-b"],
    ['weird"quoted@local"@example.com', "weird-quoted-local"],
  ])("%s -> %s", (email, slug) => {
    expect(slugFromEmail(email)).toBe(slug);
  });

  it("caps at 32 characters without a trailing dash", () => {
    const slug = slugFromEmail(`${"a".repeat(31)}-bcdef@example.com`);
    expect(slug).toBe("a".repeat(31));
    expect(slugFromEmail(`${"x".repeat(80)}@example.com`)).toHaveLength(SLUG_MAX_LENGTH);
  });

  it("only ever yields [a-z0-9-] with no leading or trailing dash", () => {
    for (const email of ["-x-@e.com", "ÄÖÜ@e.com", "a b c@e.com", "\u0000\u200b@e.com", "../etc@e.com"]) {
      expect(slugFromEmail(email)).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/);
    }
  });
});

describe("pickFreeSlug", () => {
  it("keeps the base when free", () => {
    expect(pickFreeSlug("ada", new Set())).toBe("ada");
  });

  it("adds the first free numeric suffix", () => {
    expect(pickFreeSlug("ada", new Set(["ada"]))).toBe("ada-2");
    expect(pickFreeSlug("ada", new Set(["ada", "ada-2", "ada-3"]))).toBe("ada-4");
  });

  it("cuts the base so base + suffix still fits 32 characters", () => {
    const base = "b".repeat(32);
    const slug = pickFreeSlug(base, new Set([base]));
    expect(slug).toBe(`${"b".repeat(30)}-2`);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
  });

  it("never leaves a double dash when the cut lands on a dash", () => {
    const base = `${"c".repeat(29)}-dd`;
    expect(pickFreeSlug(base, new Set([base]))).toBe(`${"c".repeat(29)}-2`);
  });
});
