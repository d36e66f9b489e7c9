import { listAllWorkspaces } from "@/lib/admin/list-all-workspaces";
import { parseInput } from "@/lib/http/parse-input";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";
import { adminWorkspaceQuerySchema } from "@/lib/validations/admin-workspaces";

// GET /api/v1/admin/workspaces?owner=&name=&template=&status=&sort=&dir=&page=&per_page= — every workspace of every
// user, filtered, sorted and paged: { workspaces, total, page, per_page, pages, sort, dir, sampled_at }.
export const GET = withAdmin(async (request, { actor }) => {
  const query = parseInput(adminWorkspaceQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return json(await listAllWorkspaces({ actor, query }));
});
