import { json } from "@/lib/http/respond";
import { param, withUser } from "@/lib/http/route";
import { launchSlot } from "@/lib/workspaces/launch-slot";

// POST /api/container/launch/[type] — create and/or start the caller's dev or prod workspace; wait until ready.
export const POST = withUser(async (_request, { params, actor }) =>
  json(await launchSlot({ actor, type: param(params, "type") })),
);
