// Use case (admins only): every workspace of every user, filtered, sorted and paged on the server, with live
// status and uptime (one runtime list) and sampled CPU and memory (never the engine's stats per request).
import "server-only";
import { type AdminWorkspaceView, adminWorkspaceView } from "@/lib/admin/admin-workspace-view";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { findMatchingWorkspaces } from "@/lib/admin/matching-workspaces";
import { sortWorkspaces } from "@/lib/admin/sort-workspaces";
import type { Actor } from "@/lib/auth/actor";
import { getSampledStats } from "@/lib/stats/latest-usage";
import {
  type AdminWorkspaceQuery,
  type AdminWorkspaceSort,
  FIRST_DIR,
  type SortDir,
} from "@/lib/validations/admin-workspaces";

export type AdminWorkspacePage = {
  workspaces: AdminWorkspaceView[];
  /** How many match the filter (all pages). */
  total: number;
  page: number;
  per_page: number;
  pages: number;
  sort: AdminWorkspaceSort;
  dir: SortDir;
  /** When CPU and memory were sampled (null: not yet). */
  sampled_at: string | null;
};

export async function listAllWorkspaces({
  actor,
  query,
}: {
  actor: Actor;
  query: AdminWorkspaceQuery;
}): Promise<AdminWorkspacePage> {
  assertAdmin(actor);
  const dir = query.dir ?? FIRST_DIR[query.sort];
  const matching = sortWorkspaces(await findMatchingWorkspaces(query), query.sort, dir);
  const pages = Math.max(1, Math.ceil(matching.length / query.per_page));
  // Past the end (the last page emptied by a bulk delete, say): the last page there is.
  const page = Math.min(query.page, pages);
  const now = Date.now();
  return {
    workspaces: matching
      .slice((page - 1) * query.per_page, page * query.per_page)
      .map((entry) => adminWorkspaceView(entry, now)),
    total: matching.length,
    page,
    per_page: query.per_page,
    pages,
    sort: query.sort,
    dir,
    sampled_at: getSampledStats().sampledAt,
  };
}
