import { readJoinCommand } from "@/lib/admin/nodes/read-join-command";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";

// GET /api/v1/admin/nodes/join-command — the command (with the worker join token) a new machine joins with; audited.
export const GET = withAdmin(async (_request, { actor }) => json(await readJoinCommand({ actor })));
