"use client";

import { useEffect, useState } from "react";
import type { StatsView } from "@/lib/workspaces/read-workspace-stats";

const INTERVAL_MS = 2000;
export const MAX_SAMPLES = 30;

export type StatsSample = { at: string; cpu: number; memory: number };
export type StatsState =
  | { kind: "loading" }
  | { kind: "live"; stats: StatsView }
  | { kind: "not-running" }
  | { kind: "failed"; message: string };

async function readStats(workspaceId: string, signal: AbortSignal): Promise<StatsState> {
  const response = await fetch(`/api/workspaces/${encodeURIComponent(workspaceId)}/stats`, {
    signal,
    cache: "no-store",
  });
  if (response.ok) return { kind: "live", stats: (await response.json()) as StatsView };
  if (response.status === 409) return { kind: "not-running" };
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return { kind: "failed", message: body?.error?.message ?? "Stats could not be read. Retrying…" };
}

/**
 * Polls the stats endpoint while mounted: one request at a time, the next 2 s after the last one
 * finished (a Docker sample itself takes about a second).
 */
export function useWorkspaceStats(workspaceId: string) {
  const [state, setState] = useState<StatsState>({ kind: "loading" });
  const [samples, setSamples] = useState<StatsSample[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      let next: StatsState;
      try {
        next = await readStats(workspaceId, controller.signal);
      } catch {
        if (controller.signal.aborted) return;
        next = { kind: "failed", message: "The server could not be reached. Retrying…" };
      }
      if (controller.signal.aborted) return;
      setState(next);
      if (next.kind === "live") {
        const { stats } = next;
        const memory =
          stats.memory_limit_bytes > 0 ? (stats.memory_bytes / stats.memory_limit_bytes) * 100 : 0;
        const sample = { at: stats.read_at, cpu: stats.cpu_percent, memory: Math.round(memory * 10) / 10 };
        setSamples((previous) => [...previous, sample].slice(-MAX_SAMPLES));
      } else if (next.kind === "not-running") {
        setSamples([]);
      }
      timer = setTimeout(poll, INTERVAL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [workspaceId]);

  return { state, samples };
}
