import { listUserContainers } from "@/lib/containers/list-user-containers";
import { json } from "@/lib/http/respond";
import { withUser } from "@/lib/http/route";

// GET /api/user/containers — the caller's dev and prod containers with live status.
export const GET = withUser(async (_request, { user }) => json(await listUserContainers({ owner: user })));
