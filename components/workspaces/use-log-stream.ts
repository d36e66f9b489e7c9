"use client";

import { useEffect, useState } from "react";

export const MAX_LINES = 2000;

export type LogLine = { id: number; stream: "stdout" | "stderr"; text: string };
export type LogState = "connecting" | "live" | "ended" | "unavailable";

/**
 * Follows a workspace's log over server-sent events. Closing the EventSource (unmount, or the
 * workload stopped) is what ends the server's Docker stream.
 */
export function useLogStream(workspaceId: string) {
  const [lines, setLines] = useState<LogLine[]>([]);
  const [state, setState] = useState<LogState>("connecting");

  useEffect(() => {
    const source = new EventSource(`/api/workspaces/${encodeURIComponent(workspaceId)}/logs`);
    let nextId = 0;
    let batch: LogLine[] = [];
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    // The first 200 lines arrive at once: render them in one update, not 200.
    const flush = () => {
      flushTimer = undefined;
      const arrived = batch;
      batch = [];
      setLines((previous) => {
        const next = previous.concat(arrived);
        return next.length > MAX_LINES ? next.slice(-MAX_LINES) : next;
      });
    };
    let opened = false;
    source.addEventListener("open", () => {
      // A reconnect replays the last 200 lines; start over rather than show them twice.
      if (opened) {
        batch = [];
        setLines([]);
      }
      opened = true;
      setState("live");
    });
    source.addEventListener("line", (event) => {
      const line = JSON.parse((event as MessageEvent<string>).data) as Omit<LogLine, "id">;
      batch.push({ id: nextId++, stream: line.stream === "stderr" ? "stderr" : "stdout", text: line.text });
      flushTimer ??= setTimeout(flush, 50);
    });
    source.addEventListener("end", () => {
      source.close();
      clearTimeout(flushTimer);
      flush();
      setState("ended");
    });
    source.addEventListener("error", () => {
      // CLOSED: the server refused (no workspace, signed out); otherwise EventSource is retrying.
      if (source.readyState === EventSource.CLOSED) setState("unavailable");
      else setState("connecting");
    });
    return () => {
      clearTimeout(flushTimer);
      source.close();
    };
  }, [workspaceId]);

  return { lines, state };
}
