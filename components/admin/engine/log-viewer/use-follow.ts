"use client";

import { useEffect, useRef } from "react";
import type { WireLine } from "@/components/admin/engine/log-viewer/use-log-buffer";

/**
 * Follows a log over server-sent events while `on`: from after the last line held (`since`), so nothing is lost or
 * shown twice. A broken stream is reopened from the last line after a pause (EventSource's own retry would ask
 * from the first `since` again); the container stopping ends it.
 */
export function useFollow({
  url,
  on,
  restartKey,
  lastAt,
  onLine,
  onEnd,
}: {
  url: string;
  on: boolean;
  /** Changes when the buffer was reloaded: the stream reopens after its new last line. */
  restartKey: number;
  lastAt: () => string | null;
  onLine: (line: WireLine) => void;
  onEnd: () => void;
}) {
  const handlers = useRef({ lastAt, onLine, onEnd });
  handlers.current = { lastAt, onLine, onEnd };

  // biome-ignore lint/correctness/useExhaustiveDependencies: restartKey reopens the stream on purpose.
  useEffect(() => {
    if (!on) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    const open = () => {
      const since = handlers.current.lastAt();
      const query = since ? `&since=${encodeURIComponent(since)}` : "";
      source = new EventSource(`${url}?follow=true&tail=0${query}`);
      source.addEventListener("line", (event) =>
        handlers.current.onLine(JSON.parse((event as MessageEvent).data)),
      );
      source.addEventListener("end", () => {
        source?.close();
        handlers.current.onEnd();
      });
      source.onerror = () => {
        source?.close();
        if (!closed) retry = setTimeout(open, 2000);
      };
    };
    open();
    return () => {
      closed = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [url, on, restartKey]);
}
