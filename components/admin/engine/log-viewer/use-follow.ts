"use client";

import { useEffect, useRef } from "react";
import type { ResumePoint } from "@/components/admin/engine/log-viewer/line-buffer";
import type { WireLine } from "@/components/admin/engine/log-viewer/use-log-buffer";

/** Consecutive broken streams after which following stops and says so. */
export const MAX_FAILURES = 5;
const RETRY_MS = 2000;
// A stream that stayed up this long was working: its breaking starts the count again.
const HEALTHY_MS = 10_000;

/** Why following cannot go on, from the tail endpoint's answer, or null when it answers (the stream just broke). */
async function probe(url: string): Promise<string | null> {
  try {
    const response = await fetch(`${url}?tail=0`, { cache: "no-store" });
    if (response.ok) return null;
    const body = await response.json().catch(() => null);
    const message: string | undefined = body?.error?.message;
    if (response.status === 401) return "You are signed out: sign in again to follow the log.";
    return message ?? `The log could not be read (HTTP ${response.status}).`;
  } catch {
    return null;
  }
}

/**
 * Follows a log over server-sent events while `on`: from after the lines held (`resumePoint`), so nothing is lost or
 * shown twice. A broken stream is reopened from there after a pause (EventSource's own retry would ask from the
 * first `since` again), unless the tail endpoint says why not (signed out, the container gone, the engine down) or it
 * broke MAX_FAILURES times in a row: then `onFail` says why. Only the engine ending the log (`end`) is `onEnd`.
 */
export function useFollow({
  url,
  on,
  restartKey,
  resumePoint,
  onLine,
  onEnd,
  onFail,
}: {
  url: string;
  on: boolean;
  /** Changes when the buffer was reloaded: the stream reopens after its new last line. */
  restartKey: number;
  resumePoint: () => ResumePoint;
  onLine: (line: WireLine) => void;
  onEnd: () => void;
  onFail: (message: string) => void;
}) {
  const handlers = useRef({ resumePoint, onLine, onEnd, onFail });
  handlers.current = { resumePoint, onLine, onEnd, onFail };

  // biome-ignore lint/correctness/useExhaustiveDependencies: restartKey reopens the stream on purpose.
  useEffect(() => {
    if (!on) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    let failures = 0;
    const open = () => {
      const point = handlers.current.resumePoint();
      const query = point ? `&since=${encodeURIComponent(point.at)}&skip=${point.skip}` : "";
      const openedAt = Date.now();
      source = new EventSource(`${url}?follow=true&tail=0${query}`);
      source.addEventListener("line", (event) => {
        failures = 0;
        handlers.current.onLine(JSON.parse((event as MessageEvent).data));
      });
      source.addEventListener("end", () => {
        source?.close();
        handlers.current.onEnd();
      });
      source.onerror = async () => {
        source?.close();
        if (closed) return;
        failures = Date.now() - openedAt >= HEALTHY_MS ? 1 : failures + 1;
        const why = await probe(url);
        if (closed) return;
        if (why) return handlers.current.onFail(why);
        if (failures >= MAX_FAILURES)
          return handlers.current.onFail(
            `The log stream broke ${MAX_FAILURES} times in a row: following stopped. Turn Follow on to try again.`,
          );
        retry = setTimeout(open, RETRY_MS);
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
