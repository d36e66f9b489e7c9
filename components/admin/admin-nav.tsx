"use client";

import { SectionNav } from "@/components/admin/section-nav";

// The admin area's sections, in the order an admin works through them.
export const ADMIN_SECTIONS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/workspaces", label: "Workspaces" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/templates", label: "Templates" },
  { href: "/admin/orphans", label: "Orphans" },
  { href: "/admin/nodes", label: "Nodes" },
  { href: "/admin/engine", label: "Engine" },
  { href: "/admin/tokens", label: "API tokens" },
  { href: "/admin/defaults", label: "Defaults" },
  { href: "/admin/audit", label: "Audit log" },
] as const;

export function AdminNav() {
  return (
    <SectionNav
      label="Admin"
      items={ADMIN_SECTIONS}
      className="flex flex-wrap gap-1 border-b pb-2 text-sm"
      linkClassName="rounded-md px-3 py-1.5 text-muted-foreground hover:bg-muted hover:text-foreground"
      currentClassName="bg-muted font-medium text-foreground"
    />
  );
}
