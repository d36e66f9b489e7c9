import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";

// The server appends the peer it was connected from (lib/server/fast-path.ts), so the last entry is always its own.
describe("clientIp", () => {
  it("takes the peer the server saw when no proxy is trusted, whatever the client claimed", () => {
    expect(clientIp("127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientIp("6.6.6.6, 198.51.100.4", 0)).toBe("198.51.100.4");
  });

  it("takes the address the trusted proxies saw, ignoring what the client claimed", () => {
    // Client claimed 6.6.6.6; Traefik saw 203.0.113.9 and connected from 10.0.0.2.
    expect(clientIp("6.6.6.6, 203.0.113.9, 10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientIp("6.6.6.6, 203.0.113.9, 10.0.0.3, 10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("copes with missing or junk headers, and more hops than entries", () => {
    expect(clientIp(null, 0)).toBe("unknown");
    expect(clientIp(" , ", 1)).toBe("unknown");
    expect(clientIp("x".repeat(500), 0)).toHaveLength(64);
    expect(clientIp("10.0.0.2", 3)).toBe("10.0.0.2");
  });
});
