import { Download } from "lucide-react";
import type { Metadata } from "next";
import { AuditFilters, type AuditFilterValues } from "@/components/admin/audit-filters";
import { AuditPagination } from "@/components/admin/audit-pagination";
import { AuditTable } from "@/components/admin/audit-table";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { listAuditActions } from "@/lib/audit/list-audit-actions";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { parseAuditQuery } from "@/lib/audit/parse-audit-query";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { auditQueryInput } from "@/lib/validations/audit";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTER_NAMES = ["actor", "action", "target", "owner", "from", "to", "page_size"] as const;

export default async function AuditPage({ searchParams }: Props) {
  // Layouts don't re-run on every navigation, so the page checks identity itself too.
  const user = await requireAdminOrNotFound("/admin/audit");
  const actor = actorFromSessionUser(user);
  const raw = auditQueryInput(await searchParams);
  const values = Object.fromEntries(FILTER_NAMES.map((name) => [name, raw[name] ?? ""])) as AuditFilterValues;
  let errors: Record<string, string[]> = {};
  let result: Awaited<ReturnType<typeof listAuditEvents>> | null = null;
  let problem: string | null = null;
  try {
    const { filter, page, pageSize } = parseAuditQuery(raw);
    result = await listAuditEvents({ actor, filter, page, pageSize });
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION_FAILED") errors = error.details?.fields ?? {};
    else
      problem =
        error instanceof AppError
          ? error.message
          : "The audit log could not be loaded. Please reload the page.";
  }
  const actions = await listAuditActions({ actor }).catch(() => []);
  const { page_size: _pageSize, ...filterOnly } = values;
  const exportQuery = new URLSearchParams(Object.entries(filterOnly).filter(([, value]) => value !== ""));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
          <p className="text-muted-foreground">
            Every change, newest first: who made it, how they signed in, from where, and how it ended.
          </p>
        </div>
        <Button asChild variant="outline">
          <a href={`/api/v1/admin/audit/export?${exportQuery}`} download>
            <Download aria-hidden /> Export CSV
          </a>
        </Button>
      </div>
      <Card>
        <CardContent className="gap-5">
          <AuditFilters values={values} actions={actions} errors={errors} />
          {problem && (
            <Alert variant="destructive">
              <AlertTitle className="col-start-1">Audit log unavailable</AlertTitle>
              <AlertDescription className="col-start-1">{problem}</AlertDescription>
            </Alert>
          )}
          {Object.keys(errors).length > 0 && (
            <p className="text-sm text-destructive" role="alert">
              Some filters are not valid; fix them and filter again.
            </p>
          )}
          {result && (
            <>
              <AuditTable events={result.events} />
              <AuditPagination
                query={values}
                page={result.page}
                pageSize={result.pageSize}
                total={result.total}
              />
            </>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
