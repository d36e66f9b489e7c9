import { giveOrphanVolume } from "@/lib/admin/give-orphan-volume";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";
import { giveVolumeSchema } from "@/lib/validations/admin-users";

// POST /api/v1/admin/orphans/volumes/[name]/give — { user_id }: the volume becomes one of that user's kept volumes.
export const POST = withAdmin(async (request, { params, actor }) => {
  const input = await readJson(request, giveVolumeSchema);
  const recipient = input.user_id ? { id: input.user_id } : { email: input.email ?? "" };
  return json(await giveOrphanVolume({ actor, name: param(params, "name"), recipient }));
});
