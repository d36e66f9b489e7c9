// The API's sliding-window limit: a window's worth is let through, the rest refused (and not counted), and the
// oldest request leaving the window lets the next one in. The headers follow the IETF RateLimit fields.
import { describe, expect, it } from "vitest";
import { rateLimitHeaders, takeRequest } from "@/lib/http/rate-limit";

const policy = { name: "token" as const, limit: 3, windowMs: 60_000 };

describe("takeRequest", () => {
  it("lets `limit` through in a window, refuses the rest until the oldest leaves it", () => {
    const key = `unit-${Math.random()}`;
    const at = (ms: number) => takeRequest(key, policy, 1_000_000 + ms);
    expect([at(0), at(10_000), at(20_000)].map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
    ]);
    const refused = at(30_000);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 30 });
    // Refusals don't count: the first request's slot frees at 60 s as planned.
    expect(at(59_999).allowed).toBe(false);
    expect(at(60_001)).toMatchObject({ allowed: true, remaining: 0, resetSeconds: 10 });
    expect(at(60_002).allowed).toBe(false);
  });

  it("keeps keys apart", () => {
    const a = `unit-a-${Math.random()}`;
    const b = `unit-b-${Math.random()}`;
    for (let i = 0; i < 3; i += 1) takeRequest(a, policy, 5_000);
    expect(takeRequest(a, policy, 5_000).allowed).toBe(false);
    expect(takeRequest(b, policy, 5_000).allowed).toBe(true);
  });

  it("writes RateLimit-Policy, RateLimit and, when refused, Retry-After", () => {
    expect(rateLimitHeaders({ allowed: true, policy, remaining: 2, resetSeconds: 60 })).toEqual({
      "RateLimit-Policy": '"token";q=3;w=60',
      RateLimit: '"token";r=2;t=60',
    });
    expect(rateLimitHeaders({ allowed: false, policy, remaining: 0, resetSeconds: 7 })).toEqual({
      "RateLimit-Policy": '"token";q=3;w=60',
      RateLimit: '"token";r=0;t=7',
      "Retry-After": "7",
    });
  });
});
