// The pure parts of resource control: quotas, the capacity check, the culler's plan, idle timeouts within a
// template's bounds, the TCP table an open WebSocket shows up in, and the settings that configure them.
import { describe, expect, it } from "vitest";
import { type CullCandidate, planCull } from "@/lib/activity/plan-cull";
import { EnvError, parseEnv } from "@/lib/env";
import { capacityLeft, capacityRefusal } from "@/lib/resources/capacity";
import { createRefusal, quotaOf, startRefusal } from "@/lib/resources/quota";
import { countEstablished } from "@/lib/runtime/tcp-table";
import { effectiveIdleSeconds, formatMinutes, idleErrors } from "@/lib/workspaces/settings";

const GB = 1024 ** 3;
const MB = 1024 ** 2;

describe("quotas", () => {
  const platform = { QUOTA_WORKSPACES: 20, QUOTA_RUNNING: 5, QUOTA_MEMORY: 4 * GB, QUOTA_CPUS: 0 };
  const none = { quotaWorkspaces: null, quotaRunning: null, quotaMemoryMb: null, quotaCpus: null };

  it("takes the user's own values over the platform's, 0 included", () => {
    expect(quotaOf(none, platform)).toEqual({ workspaces: 20, running: 5, memoryMb: 4096, cpus: 0 });
    expect(quotaOf({ ...none, quotaRunning: 0, quotaCpus: 2.5 }, platform)).toMatchObject({
      running: 0,
      cpus: 2.5,
    });
  });

  it("allows up to each limit and refuses one past it, naming the limit and the use", () => {
    const quota = { workspaces: 3, running: 2, memoryMb: 1024, cpus: 2 };
    const small = { memoryMb: 256, cpus: 0.5 };
    expect(startRefusal(quota, { running: 1, memoryMb: 256, cpus: 0.5 }, small)).toBeNull();
    expect(startRefusal(quota, { running: 2, memoryMb: 512, cpus: 1 }, small)).toMatchObject({
      limit: "running",
      max: 2,
      used: 2,
    });
    expect(startRefusal(quota, { running: 1, memoryMb: 768, cpus: 1 }, small)).toBeNull();
    expect(startRefusal(quota, { running: 1, memoryMb: 769, cpus: 1 }, small)).toMatchObject({
      limit: "memoryMb",
      used: 1025,
    });
    // Floating CPUs add up to exactly the limit: allowed.
    expect(startRefusal(quota, { running: 1, memoryMb: 0, cpus: 1.1 + 0.4 }, small)).toBeNull();
    expect(startRefusal(quota, { running: 1, memoryMb: 0, cpus: 1.6 }, small)?.limit).toBe("cpus");
    expect(createRefusal(quota, 2)).toBeNull();
    expect(createRefusal(quota, 3)).toMatchObject({ limit: "workspaces", max: 3, used: 3 });
    expect(createRefusal(quota, 3)?.message).toContain("Delete one");
  });

  it("has no limit where a value is 0", () => {
    const unlimited = { workspaces: 0, running: 0, memoryMb: 0, cpus: 0 };
    expect(
      startRefusal(unlimited, { running: 999, memoryMb: 1e6, cpus: 500 }, { memoryMb: 1, cpus: 1 }),
    ).toBeNull();
    expect(createRefusal(unlimited, 10_000)).toBeNull();
  });
});

describe("capacity", () => {
  const base = { totalBytes: 8 * GB, overcommit: 1.5, floorBytes: 256 * MB, freeBytes: 4 * GB };

  it("plans for the total times the overcommit, up to the byte", () => {
    expect(capacityRefusal({ ...base, committedBytes: 11 * GB, addingBytes: GB })).toBeNull();
    const refused = capacityRefusal({ ...base, committedBytes: 11 * GB, addingBytes: GB + 1 });
    expect(refused).toMatchObject({ reason: "memory" });
    expect(refused?.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused?.message).toContain("12.0 GB");
  });

  it("refuses under the free-memory floor, and skips it where free memory is unknown or the floor is 0", () => {
    const low = { ...base, committedBytes: 0, addingBytes: MB, freeBytes: 100 * MB };
    expect(capacityRefusal(low)?.reason).toBe("free_memory");
    expect(capacityRefusal({ ...low, freeBytes: null })).toBeNull();
    expect(capacityRefusal({ ...low, floorBytes: 0 })).toBeNull();
  });

  it("says what is planned, held and left", () => {
    expect(capacityLeft({ totalBytes: 8 * GB, overcommit: 1.5, committedBytes: 13 * GB })).toEqual({
      plannableBytes: 12 * GB,
      committedBytes: 13 * GB,
      leftBytes: 0,
    });
  });
});

describe("the culler's plan", () => {
  const now = 1_000_000_000;
  const candidate = (patch: Partial<CullCandidate>): CullCandidate => ({
    id: "w",
    lastActivity: now,
    idleSeconds: 1800,
    maxLifetimeSeconds: 0,
    startedAt: now - 3_600_000,
    launching: false,
    ...patch,
  });

  it("finds the quiet ones at their timeout, not a millisecond before", () => {
    const plan = planCull(
      [
        candidate({ id: "just", lastActivity: now - 1_800_000 }),
        candidate({ id: "almost", lastActivity: now - 1_799_999 }),
        candidate({ id: "never", lastActivity: 0, idleSeconds: 0 }),
        candidate({ id: "launching", lastActivity: 0, launching: true }),
      ],
      now,
    );
    expect(plan).toEqual({ lifetime: [], idle: ["just"] });
  });

  it("stops one past its maximum lifetime however busy, and only that reason", () => {
    const plan = planCull(
      [
        candidate({ id: "old", maxLifetimeSeconds: 3600, lastActivity: 0 }),
        candidate({ id: "young", maxLifetimeSeconds: 7200 }),
      ],
      now,
    );
    expect(plan).toEqual({ lifetime: ["old"], idle: [] });
  });
});

describe("idle timeouts within the template's", () => {
  it("takes a shorter one of the workspace's, never a longer one, and never only where the template allows", () => {
    expect(effectiveIdleSeconds({}, { idleSeconds: 1800 })).toBe(1800);
    expect(effectiveIdleSeconds({ idleSeconds: 600 }, { idleSeconds: 1800 })).toBe(600);
    expect(effectiveIdleSeconds({ idleSeconds: 7200 }, { idleSeconds: 1800 })).toBe(1800);
    expect(effectiveIdleSeconds({ idleSeconds: 0 }, { idleSeconds: 1800 })).toBe(1800);
    expect(effectiveIdleSeconds({ idleSeconds: 0 }, { idleSeconds: 0 })).toBe(0);
    expect(effectiveIdleSeconds({ idleSeconds: 7200 }, { idleSeconds: 0 })).toBe(7200);
  });

  it("names the template's bound when a workspace asks for more", () => {
    expect(idleErrors(600, { idleSeconds: 1800 })).toEqual({});
    expect(idleErrors(undefined, { idleSeconds: 1800 })).toEqual({});
    expect(idleErrors(3600, { idleSeconds: 1800 }).idle_timeout_minutes?.[0]).toContain("at most 30 minutes");
    expect(idleErrors(0, { idleSeconds: 1800 }).idle_timeout_minutes).toBeDefined();
    expect(idleErrors(0, { idleSeconds: 0 })).toEqual({});
    expect([formatMinutes(60), formatMinutes(45), formatMinutes(5400)]).toEqual([
      "1 minute",
      "45 seconds",
      "90 minutes",
    ]);
  });
});

describe("the TCP table", () => {
  // As a container's /proc/net/tcp and tcp6 read: 8080 listening, one established connection on 8081 (IPv4-mapped,
  // from the proxy), one outgoing connection from a high port, and one on 8080 closing (TIME_WAIT, 06).
  const table = [
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
    "   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1 1",
    "   1: 0200A8C0:C350 0100A8C0:01BB 01 00000000:00000000 00:00000000 00000000  1000        0 2 1",
    "   2: 0300A8C0:1F90 0400A8C0:D431 06 00000000:00000000 00:00000000 00000000  1000        0 3 1",
    "  sl  local_address                         remote_address                        st tx_queue",
    "   0: 0000000000000000FFFF0000020011AC:1F91 0000000000000000FFFF0000010011AC:A1B2 01 00000000:00000000",
  ].join("\n");

  it("counts established connections on the apps' ports only", () => {
    expect(countEstablished(table, [8080, 8081])).toBe(1);
    expect(countEstablished(table, [8080])).toBe(0);
    expect(countEstablished("", [8080])).toBe(0);
  });

  it("does not count the workload's connections to itself", () => {
    const loopback = [
      "   0: 0100007F:1F90 0100007F:A000 01 00000000:00000000",
      "   1: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:A001 01 0",
      "   2: 00000000000000000000000001000000:1F90 00000000000000000000000001000000:A002 01 0",
      "   3: 0200A8C0:1F90 0100A8C0:A003 01 00000000:00000000",
    ].join("\n");
    expect(countEstablished(loopback, [8080])).toBe(1);
  });
});

describe("settings", () => {
  const secret = "s".repeat(32);

  it("reads durations and sizes, 0 meaning never or no limit", () => {
    const env = parseEnv({ AUTH_SECRET: secret });
    expect(env).toMatchObject({
      IDLE_TIMEOUT: 1800,
      QUOTA_WORKSPACES: 20,
      QUOTA_RUNNING: 5,
      QUOTA_MEMORY: 0,
      CAPACITY_OVERCOMMIT: 1.5,
      CAPACITY_FREE_MEMORY_FLOOR: 256 * MB,
      MAX_CONCURRENT_STARTS: 20,
    });
    const set = parseEnv({
      AUTH_SECRET: secret,
      IDLE_TIMEOUT: "2h",
      QUOTA_MEMORY: "4g",
      CAPACITY_MEMORY: "512m",
    });
    expect([set.IDLE_TIMEOUT, set.QUOTA_MEMORY, set.CAPACITY_MEMORY]).toEqual([7200, 4 * GB, 512 * MB]);
    expect(parseEnv({ AUTH_SECRET: secret, IDLE_TIMEOUT: "0" }).IDLE_TIMEOUT).toBe(0);
    expect(parseEnv({ AUTH_SECRET: secret, IDLE_TIMEOUT: "45s" }).IDLE_TIMEOUT).toBe(45);
  });

  it("names the variable of a bad value", () => {
    expect(() => parseEnv({ AUTH_SECRET: secret, IDLE_TIMEOUT: "soon" })).toThrow(EnvError);
    expect(() => parseEnv({ AUTH_SECRET: secret, IDLE_TIMEOUT: "soon" })).toThrow(/IDLE_TIMEOUT/);
    expect(() => parseEnv({ AUTH_SECRET: secret, QUOTA_RUNNING: "-1" })).toThrow(/QUOTA_RUNNING/);
    expect(() => parseEnv({ AUTH_SECRET: secret, CAPACITY_OVERCOMMIT: "0" })).toThrow(/CAPACITY_OVERCOMMIT/);
  });
});
