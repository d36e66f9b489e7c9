// Views of many accounts at once: their workspace counts, running counts from ONE labelled runtime list (never one
// call per user) and when each was last seen.
import "server-only";
import type { User } from "@prisma/client";
import { type UserView, userView } from "@/lib/admin/user-view";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { Workload } from "@/lib/runtime/runtime";
import { labelKeys, managedSelector } from "@/lib/workspaces/labels";
import { workloadOf } from "@/lib/workspaces/match-workloads";

type Row = { id: string; ownerId: string; name: string; runtimeId: string | null };

/** engine "unavailable": the engine did not answer, so running counts are unknown (the accounts still show). */
export async function userViewsOf(
  users: User[],
): Promise<{ views: UserView[]; engine: "ok" | "unavailable" }> {
  const db = getDb();
  const ids = users.map((user) => user.id);
  const [rows, sessions, workloads] = await Promise.all([
    db.workspace.findMany({
      where: { ownerId: { in: ids } },
      select: { id: true, ownerId: true, name: true, runtimeId: true },
    }),
    db.session.groupBy({ by: ["userId"], where: { userId: { in: ids } }, _max: { updatedAt: true } }),
    ids.length > 0 ? managedWorkloads() : Promise.resolve([]),
  ]);
  const lastSeen = new Map(sessions.map((row) => [row.userId, row._max.updatedAt]));
  const running = workloads && runningByOwner(rows, workloads);
  const views = users.map((user) =>
    userView(user, {
      total: rows.filter((row) => row.ownerId === user.id).length,
      running: running ? (running.get(user.id) ?? 0) : null,
      lastSeen: lastSeen.get(user.id) ?? null,
    }),
  );
  return { views, engine: workloads ? "ok" : "unavailable" };
}

export async function userViewOf(user: User): Promise<UserView> {
  const { views } = await userViewsOf([user]);
  return views[0] as UserView;
}

async function managedWorkloads(): Promise<Workload[] | null> {
  try {
    return await getRuntime().list(managedSelector(getEnv().LABEL_PREFIX));
  } catch (error) {
    if (error instanceof AppError && error.code === "CONTAINER_ENGINE_UNAVAILABLE") return null;
    throw error;
  }
}

function runningByOwner(rows: Row[], workloads: Workload[]): Map<string, number> {
  const prefix = getEnv().LABEL_PREFIX;
  const ownerKey = labelKeys(prefix).owner;
  const byOwner = new Map<string, Workload[]>();
  for (const workload of workloads) {
    const owner = workload.labels[ownerKey];
    if (owner) byOwner.set(owner, [...(byOwner.get(owner) ?? []), workload]);
  }
  const counts = new Map<string, number>();
  for (const row of rows)
    if (workloadOf(prefix, row, byOwner.get(row.ownerId) ?? [])?.state === "running")
      counts.set(row.ownerId, (counts.get(row.ownerId) ?? 0) + 1);
  return counts;
}
