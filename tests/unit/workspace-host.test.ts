import { describe, expect, it } from "vitest";
import {
  alternateHostKey,
  appHost,
  HOST_KEY_MAX,
  hostKeyFor,
  isCanonicalAppHost,
  parseAppHost,
} from "@/lib/ingress/workspace-host";
import { appSchema } from "@/lib/templates/template";
import { routeKey } from "@/lib/workspaces/names";

const domain = "ws.example.com";

describe("workspace hosts", () => {
  it("is {app}--{hostKey}.{domain}, read back exactly", () => {
    const host = appHost("web", "ada-dev", domain);
    expect(host).toBe("web--ada-dev.ws.example.com");
    expect(parseAppHost(host, domain)).toEqual({ app: "web", hostKey: "ada-dev" });
    expect(parseAppHost("WEB--Ada-Dev.WS.example.com:443", domain)).toEqual({
      app: "web",
      hostKey: "ada-dev",
    });
    // A workspace name may hold "--" itself: the first "--" ends the app name, which never holds one.
    expect(parseAppHost("ide--ada-my--app.ws.example.com", domain)).toEqual({
      app: "ide",
      hostKey: "ada-my--app",
    });
  });

  it.each([
    null,
    "",
    "ws.example.com",
    "web.ws.example.com",
    "--ada-dev.ws.example.com",
    "web--.ws.example.com",
    "web--ada-dev.ws.example.com.evil.example",
    "web--ada-dev.evilws.example.com",
    "a.web--ada-dev.ws.example.com",
    "web--ada_dev.ws.example.com",
    `web--${"a".repeat(70)}.ws.example.com`,
  ])("finds no workspace host in %j", (host) => {
    expect(parseAppHost(host, domain)).toBeNull();
  });

  it("accepts for the handshake only the spelling the app's links use", () => {
    expect(isCanonicalAppHost("web--ada-dev.ws.example.com", domain, "")).toBe(true);
    expect(isCanonicalAppHost("web--ada-dev.ws.example.com:8443", domain, "8443")).toBe(true);
    for (const [host, port] of [
      ["web--ada-dev.ws.example.com:8080", ""],
      ["web--ada-dev.ws.example.com:443", ""],
      ["web--ada-dev.ws.example.com:8080", "8443"],
      ["web--ada-dev.ws.example.com", "8443"],
      ["web--ada-dev.ws.example.com.", ""],
      ["WEB--ada-dev.ws.example.com", ""],
      ["evil.example", ""],
    ] as const)
      expect(isCanonicalAppHost(host, domain, port), `${host} (${port})`).toBe(false);
  });

  it('takes no app name that would make a label Let\'s Encrypt refuses ("--" in the 3rd and 4th places)', () => {
    for (const name of ["a", "web", "ide", "a".repeat(16)])
      expect(appSchema.safeParse({ name, port: 80 }).success, name).toBe(true);
    for (const name of ["ui", "xn", "a--b", "a".repeat(17)])
      expect(appSchema.safeParse({ name, port: 80 }).success, name).toBe(false);
  });

  it("keeps every label within 63 characters at the longest slug, name and app", () => {
    const key = routeKey("s".repeat(32), "n".repeat(32));
    const hostKey = hostKeyFor(key);
    expect(hostKey.length).toBeLessThanOrEqual(HOST_KEY_MAX);
    const label = appHost("a".repeat(16), hostKey, domain).split(".")[0] ?? "";
    expect(label.length).toBeLessThanOrEqual(63);
    expect(parseAppHost(appHost("a".repeat(16), hostKey, domain), domain)).toEqual({
      app: "a".repeat(16),
      hostKey,
    });
    expect(hostKeyFor("ada-dev")).toBe("ada-dev");
    expect(alternateHostKey(key)).not.toBe(hostKey);
    expect(() => appHost("a--b", "ada-dev", domain)).toThrow();
    expect(() => appHost("a".repeat(17), "ada-dev", domain)).toThrow();
  });

  it("maps no two route keys of a generated set to one host key", () => {
    const keys = new Set<string>();
    const hostKeys = new Map<string, string>();
    const words = ["a", "ab", "dev", "prod", "x-y", "long".repeat(8), "s".repeat(32), "n".repeat(31)];
    for (const slug of words)
      for (const name of words)
        for (const n of ["", "-2", "-3"]) keys.add(routeKey(`${slug}${n}`.slice(0, 32), name));
    for (let i = 0; i < 2000; i++)
      keys.add(
        routeKey(
          `user-${i}-${"x".repeat(i % 28)}`.slice(0, 32),
          `workspace-${i % 97}-${"y".repeat(i % 20)}`.slice(0, 32),
        ),
      );
    for (const key of keys) {
      const hostKey = hostKeyFor(key);
      expect(hostKeys.get(hostKey) ?? key, `${key} and ${hostKeys.get(hostKey)} share ${hostKey}`).toBe(key);
      hostKeys.set(hostKey, key);
    }
    expect(hostKeys.size).toBe(keys.size);
  });
});
