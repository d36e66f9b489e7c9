// Views of many accounts at once: their workspace counts, what their running workspaces hold from ONE list of the
// running ones (never one call per user), their quotas against the platform's, and when each was last seen.
import "server-only";
import type { User } from "@prisma/client";
import { type RunningUse, type UserView, userView } from "@/lib/admin/user-view";
import { getDb } from "@/lib/db";
import { effectiveDefaults } from "@/lib/defaults/defaults-store";
import { AppError } from "@/lib/errors";
import { quotaOf } from "@/lib/resources/quota";
import { type RunningWorkspace, runningWorkspaces } from "@/lib/resources/resource-use";

const FOLLOWS_PLATFORM = { quotaWorkspaces: null, quotaRunning: null, quotaMemoryMb: null, quotaCpus: null };

/** engine "unavailable": the engine did not answer, so running counts are unknown (the accounts still show). */
export async function userViewsOf(
  users: User[],
): Promise<{ views: UserView[]; engine: "ok" | "unavailable" }> {
  const db = getDb();
  const ids = users.map((user) => user.id);
  const [totals, sessions, running, defaults] = await Promise.all([
    db.workspace.groupBy({ by: ["ownerId"], where: { ownerId: { in: ids } }, _count: { _all: true } }),
    db.session.groupBy({ by: ["userId"], where: { userId: { in: ids } }, _max: { updatedAt: true } }),
    ids.length > 0 ? runningOf(ids) : Promise.resolve([]),
    effectiveDefaults(),
  ]);
  const total = new Map(totals.map((row) => [row.ownerId, row._count._all]));
  const lastSeen = new Map(sessions.map((row) => [row.userId, row._max.updatedAt]));
  const use = running && holdingByOwner(running);
  const platform = quotaOf(FOLLOWS_PLATFORM, defaults);
  const views = users.map((user) =>
    userView(user, {
      total: total.get(user.id) ?? 0,
      use: use ? (use.get(user.id) ?? { running: 0, memoryMb: 0, cpus: 0 }) : null,
      lastSeen: lastSeen.get(user.id) ?? null,
      platform,
    }),
  );
  return { views, engine: running ? "ok" : "unavailable" };
}

export async function userViewOf(user: User): Promise<UserView> {
  const { views } = await userViewsOf([user]);
  return views[0] as UserView;
}

async function runningOf(ownerIds: string[]): Promise<RunningWorkspace[] | null> {
  try {
    return await runningWorkspaces({ ownerIds });
  } catch (error) {
    if (error instanceof AppError && error.code === "CONTAINER_ENGINE_UNAVAILABLE") return null;
    throw error;
  }
}

function holdingByOwner(running: RunningWorkspace[]): Map<string, NonNullable<RunningUse>> {
  const byOwner = new Map<string, NonNullable<RunningUse>>();
  for (const workspace of running) {
    const use = byOwner.get(workspace.ownerId) ?? { running: 0, memoryMb: 0, cpus: 0 };
    byOwner.set(workspace.ownerId, {
      running: use.running + 1,
      memoryMb: use.memoryMb + workspace.memoryMb,
      cpus: use.cpus + workspace.cpus,
    });
  }
  return byOwner;
}
