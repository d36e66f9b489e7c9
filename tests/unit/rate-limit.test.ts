import { describe, expect, it } from "vitest";
import { decideRateLimit, SIGN_IN_RULES } from "@/lib/auth/rate-limit-rules";

const MINUTE = 60_000;
const now = 1_000 * MINUTE;
const at = (...minutesAgo: number[]) => minutesAgo.map((m) => now - m * MINUTE);

describe("decideRateLimit (3 per address per 10 min, 20 per IP per hour)", () => {
  it("allows the first three requests for an address", () => {
    expect(decideRateLimit(SIGN_IN_RULES, { email: at(0), ip: at(0) }, now).allowed).toBe(true);
    expect(decideRateLimit(SIGN_IN_RULES, { email: at(5, 2, 0), ip: at(5, 2, 0) }, now).allowed).toBe(true);
  });

  it("refuses the fourth within ten minutes, with the wait until the oldest expires", () => {
    const decision = decideRateLimit(SIGN_IN_RULES, { email: at(6, 4, 1, 0), ip: at(6, 4, 1, 0) }, now);
    expect(decision).toEqual({
      allowed: false,
      message: expect.stringContaining("this address"),
      retryAfterSeconds: 240,
    });
  });

  it("forgets requests older than the window", () => {
    expect(
      decideRateLimit(SIGN_IN_RULES, { email: at(11, 10, 3, 0), ip: at(11, 10, 3, 0) }, now).allowed,
    ).toBe(true);
  });

  it("refuses the 21st request from one IP within an hour, whatever the addresses", () => {
    const ipHits = Array.from({ length: 21 }, (_, i) => now - (59 - i * 2) * MINUTE);
    const decision = decideRateLimit(SIGN_IN_RULES, { email: at(0), ip: ipHits }, now);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.message).toContain("your network");
    expect(decideRateLimit(SIGN_IN_RULES, { email: at(0), ip: ipHits.slice(1) }, now).allowed).toBe(true);
  });
});
