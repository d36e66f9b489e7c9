// An account as the admin's users list and API show it (snake_case on the wire, like the rest of the API).
import type { User } from "@prisma/client";
import { isActive } from "@/lib/auth/account-status";
import type { Quota } from "@/lib/resources/quota";

/**
 * One quota of an account: in effect (`max`, 0 = no limit), the account's own value (null: it follows the platform's)
 * and the platform's, with what it uses now (null while the engine can't be asked: only running workspaces count).
 */
export type QuotaLimitView = { max: number; own: number | null; platform: number; used: number | null };

/** Keyed as PATCH /api/v1/admin/users/{id} { quota } takes them. */
export type UserQuotaView = {
  workspaces: QuotaLimitView;
  running: QuotaLimitView;
  memory_mb: QuotaLimitView;
  cpus: QuotaLimitView;
};

export type UserView = {
  id: string;
  email: string;
  name: string | null;
  slug: string;
  role: "USER" | "ADMIN";
  status: "active" | "disabled";
  disabled_at: string | null;
  /** running is null while the engine can't be asked. */
  workspaces: { total: number; running: number | null };
  quota: UserQuotaView;
  created_at: string;
  /** When their latest session was last used; null without one (never signed in, signed out or disabled). */
  last_seen: string | null;
};

/** What an account's running workspaces hold now; null while the engine can't be asked. */
export type RunningUse = { running: number; memoryMb: number; cpus: number } | null;

// Sums of fractional CPUs (0.1 + 0.2) read as people wrote them.
const round = (value: number) => Math.round(value * 100) / 100;

function limit(own: number | null, platform: number, used: number | null): QuotaLimitView {
  return { max: own ?? platform, own, platform, used };
}

export function userView(
  user: User,
  extra: { total: number; use: RunningUse; lastSeen: Date | null; platform: Quota },
): UserView {
  const { use, platform } = extra;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    slug: user.slug,
    role: user.role,
    status: isActive(user) ? "active" : "disabled",
    disabled_at: user.disabledAt?.toISOString() ?? null,
    workspaces: { total: extra.total, running: use ? use.running : null },
    quota: {
      workspaces: limit(user.quotaWorkspaces, platform.workspaces, extra.total),
      running: limit(user.quotaRunning, platform.running, use ? use.running : null),
      memory_mb: limit(user.quotaMemoryMb, platform.memoryMb, use ? use.memoryMb : null),
      cpus: limit(user.quotaCpus, platform.cpus, use ? round(use.cpus) : null),
    },
    created_at: user.createdAt.toISOString(),
    last_seen: extra.lastSeen?.toISOString() ?? null,
  };
}
