// An account as the admin's users list and API show it (snake_case on the wire, like the rest of the API).
import type { User } from "@prisma/client";
import { isActive } from "@/lib/auth/account-status";

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
  created_at: string;
  /** When their latest session was last used; null without one (never signed in, signed out or disabled). */
  last_seen: string | null;
};

export function userView(
  user: User,
  extra: { total: number; running: number | null; lastSeen: Date | null },
): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    slug: user.slug,
    role: user.role,
    status: isActive(user) ? "active" : "disabled",
    disabled_at: user.disabledAt?.toISOString() ?? null,
    workspaces: { total: extra.total, running: extra.running },
    created_at: user.createdAt.toISOString(),
    last_seen: extra.lastSeen?.toISOString() ?? null,
  };
}
