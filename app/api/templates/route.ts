import { json } from "@/lib/http/respond";
import { withUser } from "@/lib/http/route";
import { listTemplateViews } from "@/lib/templates/list-template-views";

// GET /api/templates — the templates workspaces can be made from, with their apps and limits: { templates }.
export const GET = withUser(async () => json({ templates: await listTemplateViews() }));
