"use client";

import { SectionNav } from "@/components/admin/section-nav";

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
  return (
    <SectionNav
      label="Engine"
      items={ENGINE_TABS}
      className="flex flex-wrap gap-1 text-sm"
      linkClassName="rounded-md border px-3 py-1 text-muted-foreground hover:bg-background hover:text-foreground"
      currentClassName="bg-background font-medium text-foreground"
    />
  );
}
