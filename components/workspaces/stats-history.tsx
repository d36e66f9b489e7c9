"use client";

import { Loader2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { HistoryCharts } from "@/components/workspaces/history-charts";
import { useStatsHistory } from "@/components/workspaces/use-stats-history";
import { HISTORY_RANGES, type HistoryRange } from "@/lib/stats/history-range";

const LABELS: Record<HistoryRange, string> = { hour: "Hour", day: "Day", month: "Month" };

/** The History card's body: Hour / Day / Month tabs over the charts of what the sampler recorded at `url`. */
export function StatsHistory({ url }: { url: string }) {
  const [range, setRange] = useState<HistoryRange>("hour");
  const state = useStatsHistory(url, range);
  return (
    <div className="flex flex-col gap-4" data-testid="stats-history" data-state={state.kind}>
      <div role="tablist" aria-label="Range" className="flex w-fit gap-1 rounded-lg border bg-muted p-1">
        {HISTORY_RANGES.map((value) => (
          <Button
            key={value}
            type="button"
            role="tab"
            size="sm"
            variant={range === value ? "secondary" : "ghost"}
            aria-selected={range === value}
            onClick={() => setRange(value)}
          >
            {LABELS[value]}
          </Button>
        ))}
      </div>
      {state.kind === "loading" && (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <Loader2 className="size-4 animate-spin" aria-hidden /> Reading the history…
        </p>
      )}
      {state.kind === "failed" && (
        <p className="text-sm text-destructive" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === "ready" && state.points.length === 0 && (
        <p className="text-sm text-muted-foreground" data-testid="history-empty">
          No history yet: the sampler records every {state.intervalSeconds} s
          {range === "hour" ? "" : ", and averages every 5 minutes"}.
        </p>
      )}
      {state.kind === "ready" && state.points.length > 0 && (
        <HistoryCharts points={state.points} range={range} />
      )}
    </div>
  );
}
