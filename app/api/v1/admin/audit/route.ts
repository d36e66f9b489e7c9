import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { parseAuditQuery } from "@/lib/audit/parse-audit-query";
import { json } from "@/lib/http/respond";
import { withAdmin } from "@/lib/http/route";

// GET /api/v1/admin/audit?actor=&action=&target=&owner=&from=&to=&page=&page_size= — the audit log, newest first.
export const GET = withAdmin(async (request, { actor }) => {
  const { filter, page, pageSize } = parseAuditQuery(request.nextUrl.searchParams);
  const result = await listAuditEvents({ actor, filter, page, pageSize });
  return json({ events: result.events, total: result.total, page: result.page, page_size: result.pageSize });
});
