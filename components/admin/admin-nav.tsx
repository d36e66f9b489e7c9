"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

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
  const pathname = usePathname();
  const current = (href: string) =>
    href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label="Admin" className="flex flex-wrap gap-1 border-b pb-2 text-sm">
      {ADMIN_SECTIONS.map((section) => (
        <Link
          key={section.href}
          href={section.href}
          aria-current={current(section.href) ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1.5 text-muted-foreground hover:bg-muted hover:text-foreground",
            current(section.href) && "bg-muted font-medium text-foreground",
          )}
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
