// The audit query at the edge (page, API, export): one schema, every field problem at once (400 VALIDATION_FAILED).
import type { AuditFilter } from "@/lib/audit/audit-where";
import { parseInput } from "@/lib/http/parse-input";
import { auditQueryInput, auditQuerySchema } from "@/lib/validations/audit";

export type ParsedAuditQuery = { filter: AuditFilter; page: number; pageSize: number };

export function parseAuditQuery(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): ParsedAuditQuery {
  const { page, page_size, ...filter } = parseInput(auditQuerySchema, auditQueryInput(params));
  return { filter, page, pageSize: page_size };
}
