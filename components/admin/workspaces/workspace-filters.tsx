import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { AdminWorkspaceQuery } from "@/lib/validations/admin-workspaces";
import { WORKSPACE_STATUSES, type WorkspaceStatus } from "@/lib/workspaces/status";

const STATUS_LABEL: Record<WorkspaceStatus, string> = {
  not_created: "Not created",
  creating: "Starting",
  running: "Running",
  stopped: "Stopped",
  error: "Error",
};

/** A plain GET form: the filter lives in the URL, so it can be linked, reloaded and paged. */
export function WorkspaceFilters({
  query,
  templates,
}: {
  query: AdminWorkspaceQuery;
  templates: { name: string; displayName: string }[];
}) {
  return (
    <form
      method="get"
      action="/admin/workspaces"
      className="flex flex-wrap items-end gap-3"
      aria-label="Filter workspaces"
    >
      <div className="flex w-56 flex-col gap-1.5">
        <Label htmlFor="filter-owner">Owner</Label>
        <Input id="filter-owner" name="owner" placeholder="email or slug" defaultValue={query.owner ?? ""} />
      </div>
      <div className="flex w-44 flex-col gap-1.5">
        <Label htmlFor="filter-name">Name</Label>
        <Input id="filter-name" name="name" placeholder="part of the name" defaultValue={query.name ?? ""} />
      </div>
      <div className="flex w-40 flex-col gap-1.5">
        <Label htmlFor="filter-template">Template</Label>
        <NativeSelect id="filter-template" name="template" defaultValue={query.template ?? ""}>
          <option value="">Any</option>
          {templates.map((template) => (
            <option key={template.name} value={template.name}>
              {template.displayName}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex w-40 flex-col gap-1.5">
        <Label htmlFor="filter-status">Status</Label>
        <NativeSelect id="filter-status" name="status" defaultValue={query.status ?? ""}>
          <option value="">Any</option>
          {WORKSPACE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABEL[status]}
            </option>
          ))}
        </NativeSelect>
      </div>
      {/* The order stays when the filter changes; the page starts again at 1. */}
      <input type="hidden" name="sort" value={query.sort} />
      {query.dir && <input type="hidden" name="dir" value={query.dir} />}
      <Button type="submit">Filter</Button>
      <Button variant="ghost" asChild>
        <Link href="/admin/workspaces">Clear</Link>
      </Button>
    </form>
  );
}
