import Link from "next/link";
import { PageCheckbox, RowCheckbox } from "@/components/admin/workspaces/bulk-selection";
import { formatUptime } from "@/components/admin/workspaces/format-uptime";
import { RowActions } from "@/components/admin/workspaces/row-actions";
import { SortHeader } from "@/components/admin/workspaces/sort-header";
import { formatBytes, formatPercent, formatTime } from "@/components/workspaces/format";
import { StatusBadge } from "@/components/workspaces/status-badge";
import type { AdminWorkspaceView } from "@/lib/admin/admin-workspace-view";
import type { AdminWorkspaceQuery } from "@/lib/validations/admin-workspaces";

/** Every workspace on this page: rendered on the server; only the checkboxes and the buttons are interactive. */
export function WorkspaceTable({
  workspaces,
  query,
  dir,
}: {
  workspaces: AdminWorkspaceView[];
  query: AdminWorkspaceQuery;
  dir: "asc" | "desc";
}) {
  const header = { query, dir };
  return (
    <div className="overflow-x-auto rounded-md border bg-background">
      <table className="w-full text-left text-sm" data-testid="admin-workspaces">
        <thead className="border-b bg-muted/50 text-muted-foreground">
          <tr>
            <th scope="col" className="w-8 px-3 py-2">
              <PageCheckbox />
            </th>
            <SortHeader column="owner" label="Owner" {...header} />
            <SortHeader column="name" label="Name" {...header} />
            <SortHeader column="template" label="Template" {...header} />
            <SortHeader column="status" label="Status" {...header} />
            <th scope="col" className="px-3 py-2 font-medium">
              Uptime
            </th>
            <SortHeader column="cpu" label="CPU" className="text-right" {...header} />
            <SortHeader column="memory" label="Memory" className="text-right" {...header} />
            <SortHeader column="activity" label="Last activity" {...header} />
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Actions
            </th>
          </tr>
        </thead>
        <tbody>
          {workspaces.map((workspace) => (
            <tr
              key={workspace.id}
              className="border-b last:border-0"
              data-testid="admin-workspace-row"
              data-id={workspace.id}
              data-name={workspace.name}
              data-owner={workspace.owner.email}
            >
              <td className="px-3 py-2">
                <RowCheckbox id={workspace.id} label={`${workspace.owner.slug}/${workspace.name}`} />
              </td>
              <td className="px-3 py-2">
                <div className="font-medium">{workspace.owner.email}</div>
                <div className="text-xs text-muted-foreground">{workspace.owner.slug}</div>
              </td>
              <td className="px-3 py-2">
                <Link href={`/workspaces/${workspace.id}`} className="font-medium hover:underline">
                  {workspace.display_name}
                </Link>
                {workspace.display_name !== workspace.name && (
                  <div className="text-xs text-muted-foreground">{workspace.name}</div>
                )}
              </td>
              <td className="px-3 py-2">{workspace.template.display_name}</td>
              <td className="px-3 py-2">
                <StatusBadge status={workspace.status} />
              </td>
              <td className="px-3 py-2 tabular-nums" data-testid="uptime">
                {formatUptime(workspace.uptime_seconds)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums" data-testid="cpu">
                {workspace.cpu_percent === null ? "—" : formatPercent(workspace.cpu_percent)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums" data-testid="memory">
                {workspace.memory_bytes === null ? "—" : formatBytes(workspace.memory_bytes)}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{formatTime(workspace.last_used)}</td>
              <td className="px-3 py-2">
                <RowActions workspaceId={workspace.id} name={workspace.name} status={workspace.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
