// The API's sliding-window limit: a window's worth is let through, the rest refused (and not counted), and the
// oldest request leaving the window lets the next one in. The headers follow the IETF RateLimit fields.
import { describe, expect, it } from "vitest";
import { addressBucket } from "@/lib/auth/client-ip";
import { peekRequest, rateLimitHeaders, takeRequest } from "@/lib/http/rate-limit";

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

  it("peeks without counting", () => {
    const key = `unit-peek-${Math.random()}`;
    for (let i = 0; i < 5; i += 1) expect(peekRequest(key, policy, 1000).allowed).toBe(true);
    for (let i = 0; i < 3; i += 1) takeRequest(key, policy, 1000);
    expect(peekRequest(key, policy, 2000)).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 59 });
  });

  it("keeps policies and keys apart", () => {
    const shared = `unit-shared-${Math.random()}`;
    for (let i = 0; i < 3; i += 1) takeRequest(shared, { ...policy, name: "anonymous" }, 5_000);
    expect(takeRequest(shared, { ...policy, name: "anonymous" }, 5_000).allowed).toBe(false);
    expect(takeRequest(shared, { ...policy, name: "failed" }, 5_000).allowed).toBe(true);
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

describe("addressBucket", () => {
  it("counts IPv4 as it is and IPv6 by its /64, however it is spelled", () => {
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("::ffff:203.0.113.7")).toBe("203.0.113.7");
    const bucket = "2001:db8:0:1::/64";
    for (const ip of [
      "2001:db8:0:1::1",
      "2001:0db8:0000:0001:ffff::2",
      "[2001:db8:0:1:a:b:c:d]",
      "2001:DB8::1:1:2:3:4",
    ])
      expect(addressBucket(ip), ip).toBe(ip === "2001:DB8::1:1:2:3:4" ? "2001:db8:0:1::/64" : bucket);
    expect(addressBucket("2001:db8:0:2::1")).not.toBe(bucket);
    expect(addressBucket("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });
});
