import Link from "next/link";
import { Button } from "@/components/ui/button";
import { type AdminWorkspaceQuery, queryToSearch } from "@/lib/validations/admin-workspaces";

/** Previous / next links that keep the filter and the order. */
export function Pagination({
  query,
  page,
  pages,
  total,
}: {
  query: AdminWorkspaceQuery;
  page: number;
  pages: number;
  total: number;
}) {
  const href = (to: number) => `/admin/workspaces${queryToSearch({ ...query, page: to })}`;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-4 text-sm">
      <span className="text-muted-foreground" data-testid="page-info">
        Page {page} of {pages} · {total} workspace{total === 1 ? "" : "s"}
      </span>
      <div className="flex gap-2">
        {page > 1 ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={href(page - 1)} rel="prev">
              Previous
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            Previous
          </Button>
        )}
        {page < pages ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={href(page + 1)} rel="next">
              Next
            </Link>
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
