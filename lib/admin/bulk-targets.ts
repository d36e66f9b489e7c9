// Which workspaces a bulk action acts on: a selection of ids (in the order given; an id that does not exist stays
// in, so its result says so), or every workspace a filter matches, bounded so one click can't run away.
import "server-only";
import { findMatchingWorkspaces } from "@/lib/admin/matching-workspaces";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type BulkWorkspacesInput, MAX_BULK_WORKSPACES } from "@/lib/validations/admin-workspaces";

export type BulkTarget = {
  id: string;
  name: string;
  /** null: no such workspace (any more). */
  owner: { id: string; email: string; slug: string } | null;
};

export async function resolveBulkTargets(input: BulkWorkspacesInput): Promise<BulkTarget[]> {
  if (input.ids) {
    const rows = await getDb().workspace.findMany({
      where: { id: { in: input.ids } },
      select: { id: true, name: true, owner: { select: { id: true, email: true, slug: true } } },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return input.ids.map((id) => byId.get(id) ?? { id, name: "", owner: null });
  }
  const matching = await findMatchingWorkspaces(input.filter ?? {});
  if (matching.length > MAX_BULK_WORKSPACES)
    throw new AppError(
      "BAD_REQUEST",
      `This filter matches ${matching.length} workspaces; a bulk action takes at most ${MAX_BULK_WORKSPACES}. Narrow the filter.`,
    );
  return matching
    .map(({ row }) => ({ id: row.id, name: row.name, owner: row.owner }))
    .sort((a, b) =>
      a.owner.email === b.owner.email ? (a.name < b.name ? -1 : 1) : a.owner.email < b.owner.email ? -1 : 1,
    );
}
