// What the token form offers and takes: every preset and every day of its date picker is an expiry the server
// accepts, and a day that does not exist is refused.
import { describe, expect, it } from "vitest";
import { dateChoiceRange, expiryOf, expiryPresets } from "@/lib/tokens/token-rules";
import { createTokenSchema, EXPIRY_CHOICES } from "@/lib/validations/token";

const DAY_MS = 86_400_000;

describe("expiryPresets", () => {
  it("offers the choices within the longest allowed life, or that life itself when it is shorter than all", () => {
    expect(expiryPresets(EXPIRY_CHOICES, 365)).toEqual([7, 30, 90]);
    expect(expiryPresets(EXPIRY_CHOICES, 30)).toEqual([7, 30]);
    expect(expiryPresets(EXPIRY_CHOICES, 3)).toEqual([3]);
  });
});

describe("dateChoiceRange", () => {
  it.each(["2026-12-01T00:00:00.000Z", "2026-12-01T20:00:00.000Z", "2026-12-31T23:59:00.000Z"])(
    "from tomorrow to the last day expiryOf accepts, at %s",
    (iso) => {
      const now = new Date(iso);
      for (const maxDays of [2, 30, 365]) {
        const { min, max } = dateChoiceRange(maxDays, now);
        expect(min).toBe(new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10));
        expect(expiryOf({ date: min }, maxDays, now)).toHaveProperty("at");
        expect(expiryOf({ date: max }, maxDays, now)).toHaveProperty("at");
        const dayAfter = new Date(new Date(`${max}T00:00:00Z`).getTime() + DAY_MS).toISOString().slice(0, 10);
        expect(expiryOf({ date: dayAfter }, maxDays, now)).toEqual({ error: "too_far" });
      }
    },
  );

  it("is empty when no whole day fits (a one-day life): the form then offers no date", () => {
    const { min, max } = dateChoiceRange(1, new Date("2026-12-01T12:00:00Z"));
    expect(min > max).toBe(true);
  });
});

describe("createTokenSchema's expires_on", () => {
  it("takes only days that exist", () => {
    const input = (expires_on: string) => ({ name: "ci", scopes: ["workspaces:read"], expires_on });
    expect(createTokenSchema.safeParse(input("2028-02-29")).success).toBe(true);
    for (const day of ["2027-02-29", "2027-02-30", "2027-04-31", "2027-13-01", "2027-00-10"]) {
      const result = createTokenSchema.safeParse(input(day));
      expect(result.success, day).toBe(false);
    }
  });
});
