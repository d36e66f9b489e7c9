import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";

describe("clientIp", () => {
  it("uses the socket address Next.js fills in when there is no proxy", () => {
    expect(clientIp("127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("takes the address the trusted proxy saw, ignoring what the client claimed", () => {
    expect(clientIp("6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientIp("6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("copes with missing or junk headers", () => {
    expect(clientIp(null, 0)).toBe("unknown");
    expect(clientIp(" , ", 1)).toBe("unknown");
    expect(clientIp("x".repeat(500), 0)).toHaveLength(64);
  });
});
