import { listOrphans } from "@/lib/admin/list-orphans";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";

// GET /api/v1/admin/orphans — labelled workloads no workspace claims and data volumes nothing names.
export const GET = withAdmin(async (_request, { actor }) => json(await listOrphans({ actor })));
