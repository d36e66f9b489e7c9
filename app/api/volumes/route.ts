import { json } from "@/lib/http/respond";
import { withUser } from "@/lib/http/route";
import { listKeptVolumes } from "@/lib/workspaces/kept-volumes";

// GET /api/volumes — the caller's kept data volumes (from deleted workspaces): { volumes: [...] }.
export const GET = withUser(async (_request, { actor }) =>
  json({ volumes: await listKeptVolumes({ actor }) }),
);
