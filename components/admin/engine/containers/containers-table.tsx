"use client";

import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { ContainerActions } from "@/components/admin/engine/containers/container-actions";
import { ContainerStateBadge, ProtectedBadge } from "@/components/admin/engine/containers/container-badges";
import { PortList } from "@/components/admin/engine/containers/port-list";
import { TableHead } from "@/components/admin/engine/engine-table";
import { shortId } from "@/components/admin/engine/system/format";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import type { ContainerRowView } from "@/lib/engine/containers/container-view";

const HEADERS = ["Container", "Image", "State", "Ports", "Workspace", ""];

/** The engine's containers, filtered as the admin types (name or image), each with its actions. */
export function ContainersTable({ containers }: { containers: ContainerRowView[] }) {
  const [filter, setFilter] = useState("");
  const query = useDeferredValue(filter.trim().toLowerCase());
  const shown = query
    ? containers.filter((c) => c.name.toLowerCase().includes(query) || c.image.toLowerCase().includes(query))
    : containers;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <Input
          className="max-w-xs"
          placeholder="Filter by name or image"
          aria-label="Filter by name or image"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <span className="text-sm text-muted-foreground" data-testid="container-count">
          {shown.length === containers.length
            ? `${containers.length} containers`
            : `${shown.length} of ${containers.length} containers`}
        </span>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="containers">
          <TableHead headers={HEADERS} />
          <tbody className="divide-y">
            {shown.map((container) => (
              <tr key={container.id} data-testid="container-row" data-name={container.name}>
                <td className="px-2 py-2">
                  <div className="flex flex-wrap items-center gap-1">
                    <Link
                      href={`/admin/engine/containers/${container.id}`}
                      className="font-medium underline-offset-4 hover:underline"
                    >
                      {container.name}
                    </Link>
                    <ProtectedBadge protection={container.protected} />
                    {container.managed && !container.workspace && (
                      <Badge variant="outline">ours, unclaimed</Badge>
                    )}
                  </div>
                  <code className="font-mono text-xs text-muted-foreground">{shortId(container.id)}</code>
                </td>
                <td className="max-w-64 truncate px-2 py-2 font-mono text-xs" title={container.image}>
                  {container.image}
                </td>
                <td className="px-2 py-2">
                  <ContainerStateBadge state={container.state} />
                  <div className="text-xs whitespace-nowrap text-muted-foreground">{container.status}</div>
                </td>
                <td className="px-2 py-2">
                  <PortList ports={container.ports} />
                </td>
                <td className="px-2 py-2">
                  {container.workspace ? (
                    <div className="flex flex-col">
                      <Link
                        href={`/workspaces/${container.workspace.id}`}
                        className="underline-offset-4 hover:underline"
                      >
                        {container.workspace.name}
                      </Link>
                      <Link
                        href={`/admin/users?q=${encodeURIComponent(container.workspace.owner_email)}`}
                        className="text-xs text-muted-foreground underline-offset-4 hover:underline"
                      >
                        {container.workspace.owner_email}
                      </Link>
                    </div>
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </td>
                <td className="px-2 py-2 text-right">
                  <ContainerActions container={container} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && (
          <p className="px-2 py-6 text-center text-sm text-muted-foreground">No container matches.</p>
        )}
      </div>
    </div>
  );
}
