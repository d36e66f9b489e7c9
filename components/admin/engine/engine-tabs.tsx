"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

// The engine's parts, each its own page under /admin/engine (the first is the engine itself: version, storage, disk).
export const ENGINE_TABS = [
  { href: "/admin/engine", label: "System" },
  { href: "/admin/engine/containers", label: "Containers" },
  { href: "/admin/engine/images", label: "Images" },
  { href: "/admin/engine/volumes", label: "Volumes" },
  { href: "/admin/engine/networks", label: "Networks" },
  { href: "/admin/engine/stacks", label: "Stacks" },
] as const;

export function EngineTabs() {
  const pathname = usePathname();
  const current = (href: string) =>
    href === "/admin/engine" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label="Engine" className="flex flex-wrap gap-1 text-sm">
      {ENGINE_TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={current(tab.href) ? "page" : undefined}
          className={cn(
            "rounded-md border px-3 py-1 text-muted-foreground hover:bg-background hover:text-foreground",
            current(tab.href) && "bg-background font-medium text-foreground",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
