import { readSystem } from "@/lib/engine/system/read-system";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";

// GET /api/v1/admin/engine/system — the engine's version, drivers, resources, what it runs and its disk use.
export const GET = withAdmin(async (_request, { actor }) => json(await readSystem({ actor })));
