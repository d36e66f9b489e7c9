// Runs one workspace verb over every workspace of an account, a few at a time, with a result per workspace
// (one failure does not hide the others' outcomes).
import "server-only";
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
  const results: WorkspaceResult[] = new Array(workspaces.length);
  let next = 0;
  const worker = async () => {
    while (next < workspaces.length) {
      const index = next++;
      const workspace = workspaces[index] as (typeof workspaces)[number];
      try {
        await work(workspace);
        results[index] = { id: workspace.id, name: workspace.name, ok: true };
      } catch (error) {
        const code = outcomeOf(error);
        results[index] = {
          id: workspace.id,
          name: workspace.name,
          ok: false,
          error: { code, message: toErrorBody(error).body.error.message },
        };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, workspaces.length) }, worker));
  return results;
}

/** What the audit event keeps of the results: which workspaces, and how each ended. */
export function auditItems(results: WorkspaceResult[]) {
  return results.map((result) => ({
    id: result.id,
    name: result.name,
    outcome: result.ok ? "ok" : (result.error?.code ?? "INTERNAL"),
  }));
}
