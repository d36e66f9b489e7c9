import { createVolume } from "@/lib/engine/volumes/create-volume";
import { listVolumes } from "@/lib/engine/volumes/list-volumes";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";
import { createVolumeSchema } from "@/lib/validations/engine-objects";

// GET /api/v1/admin/engine/volumes — every volume with its size, users and the workspace it holds.
export const GET = withAdmin(async (_request, { actor }) => json({ volumes: await listVolumes({ actor }) }));

// POST /api/v1/admin/engine/volumes { name, driver?, labels? } — create one: 201 with the volume.
export const POST = withAdmin(async (request, { actor }) => {
  const input = await readJson(request, createVolumeSchema);
  return json(await createVolume({ actor, input }), 201);
});
