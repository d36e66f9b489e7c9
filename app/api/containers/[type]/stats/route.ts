import { readContainerStats } from "@/lib/containers/read-container-stats";
import { json } from "@/lib/http/respond";
import { withUser } from "@/lib/http/route";

// GET /api/containers/[type]/stats — one sample: CPU %, memory used / limit, network in / out, processes.
export const GET = withUser(async (_request, { params, user }) =>
  json(await readContainerStats({ owner: user, type: params.type })),
);
