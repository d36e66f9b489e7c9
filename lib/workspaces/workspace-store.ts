// Prisma queries for workspaces. Every read goes through the actor's where clause (lib/auth/authorize.ts), so a
// workspace someone may not see is not found: 404 WORKSPACE_NOT_FOUND, the same as one that does not exist.
import "server-only";
import type { Prisma } from "@prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { visibleWorkspaces } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { Workload } from "@/lib/runtime/runtime";
import { belongsTo, readWorkloadKey } from "@/lib/workspaces/labels";

export const workspaceInclude = {
  owner: { select: { id: true, slug: true, email: true, disabledAt: true } },
  template: true,
  secrets: { select: { kind: true, path: true, size: true, updatedAt: true } },
} satisfies Prisma.WorkspaceInclude;

export type WorkspaceRecord = Prisma.WorkspaceGetPayload<{ include: typeof workspaceInclude }>;

export function workspaceNotFound(): AppError {
  return new AppError("WORKSPACE_NOT_FOUND", "There is no such workspace.");
}

/** A workspace the actor may see, or 404. Ids are opaque strings: anything else is simply not found. */
export async function findVisibleWorkspace(actor: Actor, id: string): Promise<WorkspaceRecord> {
  if (typeof id !== "string" || !/^[a-z0-9-]{1,64}$/i.test(id)) throw workspaceNotFound();
  const found = await getDb().workspace.findFirst({
    where: { id, ...visibleWorkspaces(actor) },
    include: workspaceInclude,
  });
  if (!found) throw workspaceNotFound();
  return found;
}

/** One owner's workspace by name (the dev and prod slots), or null. */
export function findWorkspaceByName(ownerId: string, name: string): Promise<WorkspaceRecord | null> {
  return getDb().workspace.findUnique({
    where: { ownerId_name: { ownerId, name } },
    include: workspaceInclude,
  });
}

/** The workload a workspace's row points at, else the one its name and labels say is its own; null when none. */
export async function findWorkload(workspace: {
  id: string;
  ownerId: string;
  name: string;
  runtimeId: string | null;
  workloadName: string;
}): Promise<Workload | null> {
  const runtime = getRuntime();
  const prefix = getEnv().LABEL_PREFIX;
  const mine = (workload: Workload | null) =>
    workload && belongsTo(readWorkloadKey(prefix, workload.labels), workspace) ? workload : null;
  const byId = workspace.runtimeId ? mine(await runtime.inspect(workspace.runtimeId)) : null;
  return byId ?? mine(await runtime.inspect(workspace.workloadName));
}
