import { listImages } from "@/lib/engine/images/list-images";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";

// GET /api/v1/admin/engine/images — every image with its tags, size, containers made from it and templates using it.
export const GET = withAdmin(async (_request, { actor }) => json({ images: await listImages({ actor }) }));
