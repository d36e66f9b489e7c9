// Runs one workspace verb over every workspace of an account, a few at a time, with a result per workspace
// (one failure does not hide the others' outcomes).
import "server-only";
import { mapPool } from "@/lib/admin/map-pool";
import { outcomeOf } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { toErrorBody } from "@/lib/errors";

export type WorkspaceResult = {
  id: string;
  name: string;
  ok: boolean;
  error?: { code: string; message: string };
};

const CONCURRENCY = 4;

export async function eachWorkspaceOf(
  ownerId: string,
  work: (workspace: { id: string; ownerId: string; name: string }) => Promise<unknown>,
): Promise<WorkspaceResult[]> {
  const workspaces = await getDb().workspace.findMany({
    where: { ownerId },
    select: { id: true, ownerId: true, name: true },
    orderBy: { name: "asc" },
  });
  return mapPool(workspaces, CONCURRENCY, async (workspace): Promise<WorkspaceResult> => {
    try {
      await work(workspace);
      return { id: workspace.id, name: workspace.name, ok: true };
    } catch (error) {
      return {
        id: workspace.id,
        name: workspace.name,
        ok: false,
        error: { code: outcomeOf(error), message: toErrorBody(error).body.error.message },
      };
    }
  });
}
