import { launchContainer } from "@/lib/containers/launch-container";
import { json } from "@/lib/http/respond";
import { withUser } from "@/lib/http/route";

// POST /api/container/launch/[type] — create and/or start the caller's container of that type.
export const POST = withUser(async (_request, { params, user }) => {
  return json(await launchContainer({ owner: user, type: params.type }));
});
