import { json } from "@/lib/http/respond";
import { withUser } from "@/lib/http/route";
import { listSlots } from "@/lib/workspaces/list-slots";

// GET /api/user/containers — the caller's dev and prod slots with live status: { containers: [...] }.
export const GET = withUser(async (_request, { actor }) => json({ containers: await listSlots({ actor }) }));
