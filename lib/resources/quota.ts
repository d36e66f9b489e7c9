// Per-user quotas (pure): how many workspaces, how many running at once, and the memory and CPUs of the running
// ones. An admin's value for the user wins over the platform's (QUOTA_*, or the admin defaults); 0 is no limit.
import { AppError } from "@/lib/errors";

export type Quota = { workspaces: number; running: number; memoryMb: number; cpus: number };
export type QuotaLimit = keyof Quota;

export type UserQuota = {
  quotaWorkspaces: number | null;
  quotaRunning: number | null;
  quotaMemoryMb: number | null;
  quotaCpus: number | null;
};

export type PlatformQuota = {
  QUOTA_WORKSPACES: number;
  QUOTA_RUNNING: number;
  /** bytes */
  QUOTA_MEMORY: number;
  QUOTA_CPUS: number;
};

const MB = 1024 * 1024;

export function quotaOf(user: UserQuota, platform: PlatformQuota): Quota {
  return {
    workspaces: user.quotaWorkspaces ?? platform.QUOTA_WORKSPACES,
    running: user.quotaRunning ?? platform.QUOTA_RUNNING,
    memoryMb: user.quotaMemoryMb ?? Math.round(platform.QUOTA_MEMORY / MB),
    cpus: user.quotaCpus ?? platform.QUOTA_CPUS,
  };
}

/** What the user's running workspaces hold now. */
export type Use = Pick<Quota, "running" | "memoryMb" | "cpus">;

export type QuotaRefusal = { limit: QuotaLimit; max: number; used: number; message: string };

const round = (value: number) => Math.round(value * 100) / 100;

function refusal(limit: QuotaLimit, max: number, used: number): QuotaRefusal {
  const messages: Record<QuotaLimit, string> = {
    workspaces: `You have ${used} workspaces, the most your account may have (${max}). Delete one to make another.`,
    running: `You have ${used} workspaces running, the most your account may run at once (${max}). Stop one to start another.`,
    memoryMb: `Your running workspaces would use ${round(used)} MB of memory, more than your account's ${max} MB. Stop one, or give this one less memory.`,
    cpus: `Your running workspaces would use ${round(used)} CPUs, more than your account's ${max}. Stop one, or give this one fewer CPUs.`,
  };
  return { limit, max, used: round(used), message: messages[limit] };
}

/** Starting one more workspace with these limits: the first quota it would pass, or null. */
export function startRefusal(quota: Quota, use: Use, adding: { memoryMb: number; cpus: number }) {
  if (quota.running > 0 && use.running + 1 > quota.running)
    return refusal("running", quota.running, use.running);
  if (quota.memoryMb > 0 && use.memoryMb + adding.memoryMb > quota.memoryMb)
    return refusal("memoryMb", quota.memoryMb, use.memoryMb + adding.memoryMb);
  if (quota.cpus > 0 && use.cpus + adding.cpus > quota.cpus + 1e-9)
    return refusal("cpus", quota.cpus, use.cpus + adding.cpus);
  return null;
}

/** Making one more workspace: refused once they have as many as their quota. */
export function createRefusal(quota: Quota, workspaces: number): QuotaRefusal | null {
  return quota.workspaces > 0 && workspaces + 1 > quota.workspaces
    ? refusal("workspaces", quota.workspaces, workspaces)
    : null;
}

/** The refusal as the API answers it: 403 QUOTA_EXCEEDED naming the limit and the current use. */
export function quotaExceeded(refusal: QuotaRefusal): AppError {
  return new AppError("QUOTA_EXCEEDED", refusal.message, {
    data: { limit: refusal.limit, max: refusal.max, used: refusal.used },
  });
}
