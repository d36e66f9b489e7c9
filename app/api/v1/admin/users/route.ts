import { listUsers } from "@/lib/admin/list-users";
import { parseInput } from "@/lib/http/parse-input";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";
import { listUsersQuery } from "@/lib/validations/admin-users";

// GET /api/v1/admin/users?q=&page= — accounts (newest first) with role, status, workspaces and last seen.
export const GET = withAdmin(async (request, { actor }) => {
  const params = request.nextUrl.searchParams;
  const query = parseInput(listUsersQuery, {
    q: params.get("q") ?? undefined,
    page: params.get("page") ?? undefined,
  });
  return json(await listUsers({ actor, query }));
});
