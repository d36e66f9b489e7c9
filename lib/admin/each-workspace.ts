// Runs one workspace verb over every workspace of an account, a few at a time, with a result per workspace
// (one failure does not hide the others' outcomes).
import "server-only";
import { mapPool } from "@/lib/admin/map-pool";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { describeError, type ErrorCode } from "@/lib/errors";

export type WorkspaceResult = {
  id: string;
  name: string;
  ok: boolean;
  error?: { code: ErrorCode; message: string };
};

/** One workspace's verb as a result: how it ended, in our own words (never an engine's raw text). */
export async function settled<T extends { id: string; name: string }>(
  item: T,
  work: () => Promise<unknown>,
): Promise<T & Omit<WorkspaceResult, "id" | "name">> {
  try {
    await work();
    return { ...item, ok: true };
  } catch (error) {
    // Anything unexpected is logged once here.
    const { code, message } = describeError(error, "admin-verb").body.error;
    return { ...item, ok: false, error: { code, message } };
  }
}

/** Runs one verb over every workspace of an account, ADMIN_BULK_CONCURRENCY at a time. */
export async function eachWorkspaceOf(
  ownerId: string,
  work: (workspace: { id: string; ownerId: string; name: string }) => Promise<unknown>,
): Promise<WorkspaceResult[]> {
  const workspaces = await getDb().workspace.findMany({
    where: { ownerId },
    select: { id: true, ownerId: true, name: true },
    orderBy: { name: "asc" },
  });
  return mapPool(workspaces, getEnv().ADMIN_BULK_CONCURRENCY, (workspace) =>
    settled({ id: workspace.id, name: workspace.name }, () => work(workspace)),
  );
}
