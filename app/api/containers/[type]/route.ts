import { changeContainer } from "@/lib/containers/change-container";
import { getUserContainer } from "@/lib/containers/get-user-container";
import { json } from "@/lib/http/respond";
import { withUser } from "@/lib/http/route";

// GET /api/containers/[type] — one of the caller's containers with status, image and service URL.
export const GET = withUser(async (_request, { params, user }) =>
  json(await getUserContainer({ owner: user, type: params.type })),
);

// DELETE /api/containers/[type] — remove the caller's container and its row; deleting twice is fine.
export const DELETE = withUser(async (_request, { params, user }) =>
  json(await changeContainer({ owner: user, type: params.type, action: "delete" })),
);
