// The audit log for admins: a page of events as JSON, or every matching event as CSV. The query is the routes' own
// schema (lib/validations/audit.ts); events are tied to AuditEventView.
import { z } from "zod";
import { operation } from "@/lib/api/operation";
import { sameType } from "@/lib/api/same-type";
import type { AuditEventView } from "@/lib/audit/audit-view";
import type { AuditPage } from "@/lib/audit/list-audit-events";
import { auditQuerySchema } from "@/lib/validations/audit";

const TAG = "admin: audit";

const auditEventSchema = z.strictObject({
  id: z.number().int(),
  at: z.iso.datetime(),
  actor: z
    .strictObject({
      id: z.string().nullable(),
      email: z.string(),
      via: z.string().describe("session, token, system or anonymous."),
      ip: z.string(),
    })
    .describe("Who acted, as they were then."),
  action: z.string().describe("Such as workspace.stop or admin.bulk-delete."),
  target: z.strictObject({ type: z.string(), id: z.string(), name: z.string() }),
  owner: z.strictObject({ id: z.string(), email: z.string() }).nullable(),
  outcome: z.string().describe("ok, or the error code it was refused or failed with."),
  details: z.record(z.string(), z.unknown()),
});
sameType<z.output<typeof auditEventSchema>, AuditEventView>();

const auditPageSchema = z.strictObject({
  events: z.array(auditEventSchema),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});
// The route answers the use case's page with the wire's page_size.
sameType<z.output<typeof auditPageSchema>, Omit<AuditPage, "pageSize"> & { page_size: number }>();

// The export takes the same filters; it has no pages.
const { page: _page, page_size: _pageSize, ...filters } = auditQuerySchema.shape;

export const adminAuditOperations = [
  operation({
    id: "adminListAudit",
    method: "get",
    path: "/api/v1/admin/audit",
    summary: "Read the audit log",
    description:
      "Newest first, filtered by actor, action (a prefix such as workspace.*), target, owner and time.",
    tags: [TAG],
    access: "admin",
    query: auditQuerySchema,
    responses: { 200: { description: "A page of events.", schema: auditPageSchema } },
    errors: [],
  }),
  operation({
    id: "adminExportAudit",
    method: "get",
    path: "/api/v1/admin/audit/export",
    summary: "Export the audit log as CSV",
    description: "Every event the filters match, streamed as RFC 4180 CSV with a header line.",
    tags: [TAG],
    access: "admin",
    query: z.object(filters),
    responses: { 200: { description: "A CSV download.", contentType: "text/csv" } },
    errors: [],
  }),
];
