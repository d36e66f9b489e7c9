import { ArrowDown, ArrowUp } from "lucide-react";
import Link from "next/link";
import { cn } from "@/lib/utils";
import {
  type AdminWorkspaceQuery,
  type AdminWorkspaceSort,
  FIRST_DIR,
  queryToSearch,
} from "@/lib/validations/admin-workspaces";

/** A column header that sorts by it: first in its natural direction, the other way on a second click. */
export function SortHeader({
  column,
  label,
  query,
  dir,
  className,
}: {
  column: AdminWorkspaceSort;
  label: string;
  query: AdminWorkspaceQuery;
  dir: "asc" | "desc";
  className?: string;
}) {
  const current = query.sort === column;
  const nextDir = current ? (dir === "asc" ? "desc" : "asc") : FIRST_DIR[column];
  const href = `/admin/workspaces${queryToSearch({ ...query, sort: column, dir: nextDir, page: 1 })}`;
  const Arrow = dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <th
      scope="col"
      aria-sort={current ? (dir === "asc" ? "ascending" : "descending") : undefined}
      className={cn("px-3 py-2 font-medium", className)}
    >
      <Link href={href} className="inline-flex items-center gap-1 hover:underline" data-sort={column}>
        {label}
        {current && <Arrow className="size-3.5" aria-hidden />}
      </Link>
    </th>
  );
}
