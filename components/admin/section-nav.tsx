"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

export type NavItem = { readonly href: string; readonly label: string };

/**
 * A row of links to a section's pages, the current one marked. The first item is the section's own page: current
 * only on its exact path, since every other page lies below it.
 */
export function SectionNav({
  label,
  items,
  className,
  linkClassName,
  currentClassName,
}: {
  label: string;
  items: readonly NavItem[];
  className: string;
  linkClassName: string;
  currentClassName: string;
}) {
  const pathname = usePathname();
  const root = items[0]?.href;
  const current = (href: string) =>
    href === root ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label={label} className={className}>
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={current(item.href) ? "page" : undefined}
          className={cn(linkClassName, current(item.href) && currentClassName)}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
