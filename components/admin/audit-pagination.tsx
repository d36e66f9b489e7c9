// Page links that keep the filters: previous, "page x of y", next.
import { Button } from "@/components/ui/button";

export function AuditPagination({
  query,
  page,
  pageSize,
  total,
}: {
  query: Record<string, string>;
  page: number;
  pageSize: number;
  total: number;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (target: number) => {
    const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== ""));
    params.set("page", String(target));
    return `/admin/audit?${params}`;
  };
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-4 text-sm">
      <span className="text-muted-foreground" data-testid="audit-total">
        {total} event{total === 1 ? "" : "s"} · page {Math.min(page, pages)} of {pages}
      </span>
      <div className="flex gap-2">
        {page > 1 ? (
          <Button asChild variant="outline" size="sm">
            <a href={href(Math.min(page - 1, pages))} rel="prev">
              Previous
            </a>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            Previous
          </Button>
        )}
        {page < pages ? (
          <Button asChild variant="outline" size="sm">
            <a href={href(page + 1)} rel="next">
              Next
            </a>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            Next
          </Button>
        )}
      </div>
    </nav>
  );
}
