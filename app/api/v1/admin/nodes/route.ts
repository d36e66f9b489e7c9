import { listNodes } from "@/lib/admin/nodes/list-nodes";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";

// GET /api/v1/admin/nodes — the cluster's nodes ({ runtime: "docker", nodes: [] } on one engine).
export const GET = withAdmin(async (_request, { actor }) => json(await listNodes({ actor })));
