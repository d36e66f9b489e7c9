"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Reads the page again every intervalMs while it is visible, so a workspace that stopped on its own (idle, a crash)
 * shows it without a reload. It asks the app for status only: never the workspace, so it is no activity (a page
 * that reported activity would keep every workspace alive while it is open).
 */
export function AutoRefresh({ intervalMs = 10_000 }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs]);
  return null;
}
