import { json } from "@/lib/http/respond";
import { param, withUser } from "@/lib/http/route";
import { removeKeptVolume } from "@/lib/workspaces/kept-volumes";

// DELETE /api/volumes/[id] — remove a kept data volume for good.
export const DELETE = withUser(async (_request, { params, actor }) =>
  json(await removeKeptVolume({ actor, volumeId: param(params, "id") })),
);
