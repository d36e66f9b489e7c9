// An account's quotas as the admin sets them (each a number from 0, null for the platform's, or left as it is) and
// as the users list shows them (in effect, own, the platform's, in use): pure, so tested as data.
import type { User } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { userView } from "@/lib/admin/user-view";
import { updateUserSchema, userQuotaSchema } from "@/lib/validations/admin-users";
import { fieldErrors } from "@/lib/validations/field-errors";

const errorsOf = (value: unknown) => {
  const result = updateUserSchema.safeParse(value);
  return result.success ? {} : fieldErrors(result.error);
};

const user = (quota: Partial<User>): User =>
  ({
    id: "u1",
    email: "ada@example.com",
    name: null,
    slug: "ada",
    role: "USER",
    disabledAt: null,
    createdAt: new Date("2026-01-01T00:00:00Z"),
    quotaWorkspaces: null,
    quotaRunning: null,
    quotaMemoryMb: null,
    quotaCpus: null,
    ...quota,
  }) as User;

const platform = { workspaces: 20, running: 5, memoryMb: 0, cpus: 0 };

describe("quota input", () => {
  it("takes numbers from 0, null for the platform's, and leaves out what it does not change", () => {
    expect(userQuotaSchema.parse({ running: 1 })).toEqual({ running: 1 });
    expect(userQuotaSchema.parse({ workspaces: 0, running: null, memory_mb: 2048, cpus: 1.5 })).toEqual({
      workspaces: 0,
      running: null,
      memory_mb: 2048,
      cpus: 1.5,
    });
    expect(updateUserSchema.parse({ quota: { cpus: null } })).toEqual({ quota: { cpus: null } });
  });

  it("names each bad value by its field under quota", () => {
    expect(
      Object.keys(errorsOf({ quota: { workspaces: -1, running: 1.5, memory_mb: "1g", cpus: 5000 } })).sort(),
    ).toEqual(["quota.cpus", "quota.memory_mb", "quota.running", "quota.workspaces"]);
    expect(Object.keys(errorsOf({ quota: {} }))).toEqual(["quota"]);
    expect(Object.keys(errorsOf({ quota: { disk: 1 } }))).toEqual(["quota"]);
    expect(Object.keys(errorsOf({}))).toEqual(["role"]);
  });
});

describe("quota view", () => {
  it("shows each quota in effect, the account's own, the platform's and the use", () => {
    const view = userView(user({ quotaRunning: 1, quotaCpus: 0 }), {
      total: 3,
      use: { running: 2, memoryMb: 128, cpus: 0.1 + 0.2 },
      lastSeen: null,
      platform,
    });
    expect(view.quota).toEqual({
      workspaces: { max: 20, own: null, platform: 20, used: 3 },
      running: { max: 1, own: 1, platform: 5, used: 2 },
      memory_mb: { max: 0, own: null, platform: 0, used: 128 },
      cpus: { max: 0, own: 0, platform: 0, used: 0.3 },
    });
    expect(view.workspaces).toEqual({ total: 3, running: 2 });
  });

  it("knows only the workspaces count while the engine can't be asked", () => {
    const view = userView(user({}), { total: 1, use: null, lastSeen: null, platform });
    expect(view.quota.workspaces.used).toBe(1);
    expect([view.quota.running.used, view.quota.memory_mb.used, view.quota.cpus.used]).toEqual([
      null,
      null,
      null,
    ]);
    expect(view.workspaces.running).toBeNull();
  });
});
