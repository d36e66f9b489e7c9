import type { Metadata } from "next";
import Link from "next/link";
import { BulkBar } from "@/components/admin/workspaces/bulk-bar";
import { BulkSelection } from "@/components/admin/workspaces/bulk-selection";
import { Pagination } from "@/components/admin/workspaces/pagination";
import { WorkspaceFilters } from "@/components/admin/workspaces/workspace-filters";
import { WorkspaceTable } from "@/components/admin/workspaces/workspace-table";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { formatTime } from "@/components/workspaces/format";
import { type AdminWorkspacePage, listAllWorkspaces } from "@/lib/admin/list-all-workspaces";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listTemplates } from "@/lib/templates/template-store";
import {
  type AdminWorkspaceQuery,
  adminWorkspaceQuerySchema,
  type WorkspaceFilter,
} from "@/lib/validations/admin-workspaces";

export const metadata: Metadata = { title: "Workspaces" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

async function load(
  user: Awaited<ReturnType<typeof requireAdminOrNotFound>>,
  query: AdminWorkspaceQuery,
): Promise<{ list: AdminWorkspacePage; templates: { name: string; displayName: string }[] } | string> {
  try {
    const [list, templates] = await Promise.all([
      listAllWorkspaces({ actor: actorFromSessionUser(user), query }),
      listTemplates({ enabledOnly: false }),
    ]);
    return { list, templates };
  } catch (error) {
    return error instanceof AppError ? error.message : "The workspaces could not be loaded. Please reload.";
  }
}

export default async function AdminWorkspacesPage({ searchParams }: Props) {
  // Layouts don't re-run on every navigation: the page checks for itself.
  const user = await requireAdminOrNotFound("/admin/workspaces");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, first(value)]),
  );
  const parsed = adminWorkspaceQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : adminWorkspaceQuerySchema.parse({});
  // An invalid filter lists nothing (never "everything instead": a bulk action on all matching would hit them all).
  const data = parsed.success ? await load(user, query) : null;
  const filter: WorkspaceFilter = {
    owner: query.owner,
    name: query.name,
    template: query.template,
    status: query.status,
  };
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Workspaces</h1>
        <p className="text-sm text-muted-foreground">
          Every workspace of every user. CPU and memory are sampled in the background
          {data && typeof data !== "string" && data.list.sampled_at
            ? ` (last at ${formatTime(data.list.sampled_at)}).`
            : "; the first numbers appear a few seconds after the first visit."}
        </p>
      </div>
      {!parsed.success && (
        <Alert variant="destructive" data-testid="filter-problem">
          <AlertTitle className="col-start-1">This filter is not valid</AlertTitle>
          <AlertDescription className="col-start-1">
            {parsed.error.issues.map((issue) => issue.message).join(" ")}{" "}
            <Link href="/admin/workspaces" className="underline">
              Clear the filter
            </Link>
          </AlertDescription>
        </Alert>
      )}
      <WorkspaceFilters query={query} templates={!data || typeof data === "string" ? [] : data.templates} />
      {!data ? null : typeof data === "string" ? (
        <Alert variant="destructive">
          <AlertTitle className="col-start-1">Workspaces unavailable</AlertTitle>
          <AlertDescription className="col-start-1">{data}</AlertDescription>
        </Alert>
      ) : (
        <BulkSelection
          key={JSON.stringify(filter)}
          pageIds={data.list.workspaces.map((workspace) => workspace.id)}
          total={data.list.total}
          filter={filter}
        >
          <BulkBar />
          {data.list.workspaces.length === 0 ? (
            <p className="rounded-md border bg-background p-6 text-center text-muted-foreground">
              No workspace matches this filter.
            </p>
          ) : (
            <WorkspaceTable workspaces={data.list.workspaces} query={query} dir={data.list.dir} />
          )}
          <Pagination query={query} page={data.list.page} pages={data.list.pages} total={data.list.total} />
        </BulkSelection>
      )}
    </div>
  );
}
