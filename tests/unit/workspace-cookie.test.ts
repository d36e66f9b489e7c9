import { describe, expect, it } from "vitest";
import { consumeCode, issueCode, MAX_CODES, pendingCodes } from "@/lib/workspace-auth/handshake-codes";
import { safeReturnPath } from "@/lib/workspace-auth/safe-return";
import {
  grantCookie,
  readCookie,
  sessionRef,
  signGrant,
  verifyGrant,
} from "@/lib/workspace-auth/workspace-cookie";

const secret = "s".repeat(40);
const grant = { u: "u1", w: "w1", h: "web--ada-dev.ws.example.com", s: "ref", i: 1000, e: 2000 };

describe("workspace host cookie", () => {
  it("verifies what it signed until it expires", () => {
    const value = signGrant(secret, grant);
    expect(verifyGrant(secret, value, 1500)).toEqual(grant);
    expect(verifyGrant(secret, value, 2000)).toBeNull();
  });

  it("refuses a changed payload, another secret, and junk", () => {
    const value = signGrant(secret, grant);
    const [v, body, mac] = value.split(".");
    const forged = Buffer.from(JSON.stringify({ ...grant, w: "w2" })).toString("base64url");
    expect(verifyGrant(secret, `${v}.${forged}.${mac}`, 1500)).toBeNull();
    expect(verifyGrant("o".repeat(40), value, 1500)).toBeNull();
    for (const junk of ["", "v1", "v1..", `v2.${body}.${mac}`, `${value}x`, "a".repeat(3000), undefined])
      expect(verifyGrant(secret, junk, 1500)).toBeNull();
  });

  it("names a session without revealing it, and is a host-only, HttpOnly, Secure cookie", () => {
    expect(sessionRef(secret, "token-1")).not.toContain("token-1");
    expect(sessionRef(secret, "token-1")).toBe(sessionRef(secret, "token-1"));
    expect(sessionRef(secret, "token-1")).not.toBe(sessionRef(secret, "token-2"));
    const cookie = grantCookie("v", 1800);
    expect(cookie).toMatch(/^__Host-spawner-ws=v; Path=\/; Max-Age=1800; HttpOnly; Secure; SameSite=Lax$/);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(readCookie("a=1; __Host-spawner-ws=x; b=2", "__Host-spawner-ws")).toBe("x");
    expect(readCookie("__Host-spawner-wsx=1", "__Host-spawner-ws")).toBeUndefined();
  });
});

describe("handshake codes", () => {
  const entry = { host: "web--a.ws.example.com", userId: "u1", workspaceId: "w1", sessionRef: "r" };

  it("work once, on their host, within their lifetime", () => {
    const code = issueCode(entry, 60_000, 1_000);
    expect(consumeCode(code, entry.host, 2_000)).toMatchObject({ userId: "u1" });
    expect(consumeCode(code, entry.host, 2_000)).toBeNull();
    const elsewhere = issueCode(entry, 60_000, 1_000);
    expect(consumeCode(elsewhere, "web--b.ws.example.com", 2_000)).toBeNull();
    // Tried on the wrong host, it is spent: it can't be tried again on the right one.
    expect(consumeCode(elsewhere, entry.host, 2_000)).toBeNull();
    const late = issueCode(entry, 60_000, 1_000);
    expect(consumeCode(late, entry.host, 61_001)).toBeNull();
    // Never longer than a minute, whatever is asked.
    const capped = issueCode(entry, 3_600_000, 1_000);
    expect(consumeCode(capped, entry.host, 61_001)).toBeNull();
  });

  it("are bounded: expired ones are swept as new ones are issued, and over the cap the oldest give way", () => {
    const first = issueCode(entry, 60_000, 100_000);
    let last = "";
    for (let i = 0; i < MAX_CODES + 50; i++) last = issueCode(entry, 60_000, 100_000);
    expect(pendingCodes()).toBeLessThanOrEqual(MAX_CODES);
    expect(consumeCode(first, entry.host, 100_001)).toBeNull();
    expect(consumeCode(last, entry.host, 100_001)).toMatchObject({ userId: "u1" });
    // A minute on, one more code sweeps all the expired ones.
    issueCode(entry, 60_000, 200_000);
    expect(pendingCodes()).toBe(1);
  });
});

describe("safeReturnPath", () => {
  it.each([
    ["/", "/"],
    ["/files?x=1#y", "/files?x=1#y"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/", "/"],
    ["evil", "/"],
    ["/a\nb", "/"],
    ["/a\tb", "/"],
    [null, "/"],
    [`/${"a".repeat(3000)}`, "/"],
  ])("%j -> %j", (raw, expected) => {
    expect(safeReturnPath(raw)).toBe(expected);
  });
});
