import { auditCsvResponse } from "@/lib/audit/audit-csv-response";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { parseAuditQuery } from "@/lib/audit/parse-audit-query";
import { withAdmin } from "@/lib/http/route";

// GET /api/v1/admin/audit/export?actor=&action=&target=&owner=&from=&to= — every matching event as CSV, streamed.
export const GET = withAdmin(async (request, { actor }) => {
  const { filter } = parseAuditQuery(request.nextUrl.searchParams);
  return auditCsvResponse(exportAuditEvents({ actor, filter }), request.signal);
});
