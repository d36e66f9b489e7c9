import { bulkWorkspaces } from "@/lib/admin/bulk-workspaces";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";
import { bulkWorkspacesSchema } from "@/lib/validations/admin-workspaces";

// A thousand ids of up to 64 characters, quoted.
const BULK_BODY_BYTES = 80 * 1024;

// POST /api/v1/admin/workspaces/bulk — { action: start|stop|restart|delete, ids? | filter?, delete_data?, confirm? }:
// runs it on each (a few at a time) and answers a result per workspace: { action, total, succeeded, failed, results }.
export const POST = withAdmin(async (request, { actor }) => {
  const input = await readJson(request, bulkWorkspacesSchema, BULK_BODY_BYTES);
  return json(await bulkWorkspaces({ actor, input }));
});
