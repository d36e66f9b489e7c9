import { changeContainer } from "@/lib/containers/change-container";
import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { withUser } from "@/lib/http/route";

const POST_ACTIONS = ["start", "stop", "restart"] as const;

// POST /api/containers/[type]/start|stop|restart — change the caller's container; repeating is fine.
export const POST = withUser(async (_request, { params, user }) => {
  const action = POST_ACTIONS.find((candidate) => candidate === params.action);
  if (!action)
    throw new AppError("NOT_FOUND", "Unknown action. Use start, stop or restart (DELETE to remove).");
  return json(await changeContainer({ owner: user, type: params.type, action }));
});
