"use client";

import { useEffect, useRef, useState } from "react";
import type { Progress } from "@/lib/workspaces/launch-progress";

// How soon to ask again when the server has not registered our launch yet.
const RETRY_MS = 150;

/**
 * Follows the launch steps at `url` (a slot's or a workspace's progress stream) over server-sent events while
 * `launching` (our own click is pending) or `creating` (the page loaded while a launch was under way).
 * `onSettled` runs when a launch we only watched (not our own) ends, so the caller can refresh.
 */
export function useLaunchProgress(
  url: string,
  { launching, creating, onSettled }: { launching: boolean; creating: boolean; onSettled: () => void },
) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const settled = useRef(onSettled);
  settled.current = onSettled;
  const watching = launching || creating;

  useEffect(() => {
    if (!watching) return;
    if (launching) setProgress(null);
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let sawRunning = false;
    const open = () => {
      source = new EventSource(url);
      source.addEventListener("progress", (event) => {
        const next = JSON.parse((event as MessageEvent<string>).data) as Progress;
        if (next.status === "running") {
          sawRunning = true;
          setProgress(next);
          return;
        }
        // The server closes after a final snapshot; closing first stops EventSource from reconnecting.
        source?.close();
        if (launching && !sawRunning) {
          // Our click reached the stream before the launch began: this is an older (or no) launch.
          retry = setTimeout(open, RETRY_MS);
          return;
        }
        setProgress(next);
        if (!launching) settled.current();
      });
    };
    open();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [url, watching, launching]);

  return { progress, clear: () => setProgress(null) };
}
