"use client";

import { useEffect, useState } from "react";
import type { HistoryRange } from "@/lib/stats/history-range";
import type { HistoryPointView } from "@/lib/stats/history-view";

export type HistoryState =
  | { kind: "loading" }
  | { kind: "ready"; points: HistoryPointView[]; intervalSeconds: number }
  | { kind: "failed"; message: string };

// The sampler adds a point every interval and a rollup every 5 minutes: reading more often shows nothing new.
const REFRESH_MS: Record<HistoryRange, number> = { hour: 30_000, day: 300_000, month: 300_000 };

/** Reads `${url}?range=` when the range changes, then again now and then while mounted. */
export function useStatsHistory(url: string, range: HistoryRange): HistoryState {
  const [state, setState] = useState<HistoryState>({ kind: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: "loading" });
    const read = async () => {
      try {
        const response = await fetch(`${url}?range=${range}`, {
          signal: controller.signal,
          cache: "no-store",
        });
        const body = (await response.json().catch(() => null)) as {
          points?: HistoryPointView[];
          sample_interval_seconds?: number;
          error?: { message?: string };
        } | null;
        if (controller.signal.aborted) return;
        if (response.ok && body?.points)
          setState({
            kind: "ready",
            points: body.points,
            intervalSeconds: body.sample_interval_seconds ?? 0,
          });
        else setState({ kind: "failed", message: body?.error?.message ?? "The history could not be read." });
      } catch {
        if (!controller.signal.aborted)
          setState({ kind: "failed", message: "The server could not be reached." });
      }
    };
    void read();
    const timer = setInterval(() => void read(), REFRESH_MS[range]);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [url, range]);
  return state;
}
