"use client";

import { Loader2 } from "lucide-react";
import { Fragment } from "react";
import { formatBytes, formatPercent } from "@/components/workspaces/format";
import { StatsChart } from "@/components/workspaces/stats-chart";
import { useWorkspaceStats } from "@/components/workspaces/use-workspace-stats";

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="flex flex-col gap-0.5 rounded-lg border bg-background px-3 py-2">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-mono text-sm font-medium tabular-nums" data-testid={testId}>
        {/* "764 KB / 512 MB" may wrap on a phone, but only between the two amounts. */}
        {value.split(" / ").map((part, index) => (
          <Fragment key={part + String(index)}>
            {index > 0 && " / "}
            <span className="whitespace-nowrap">{part}</span>
          </Fragment>
        ))}
      </dd>
    </div>
  );
}

/** Live resource use of the workspace, sampled every 2 s while the page is open. */
export function StatsPanel({ workspaceId }: { workspaceId: string }) {
  const { state, samples } = useWorkspaceStats(workspaceId);
  return (
    <div className="flex flex-col gap-3" data-testid="stats" data-state={state.kind}>
      {state.kind === "loading" && (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <Loader2 className="size-4 animate-spin" aria-hidden /> Reading stats…
        </p>
      )}
      {state.kind === "not-running" && (
        <p className="text-sm text-muted-foreground" data-testid="stats-not-running">
          Not running
        </p>
      )}
      {state.kind === "failed" && (
        <p className="text-sm text-destructive" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === "live" && (
        <>
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            <Stat label="CPU" value={formatPercent(state.stats.cpu_percent)} testId="stat-cpu" />
            <Stat
              label="Memory"
              value={`${formatBytes(state.stats.memory_bytes)} / ${formatBytes(state.stats.memory_limit_bytes)}`}
              testId="stat-memory"
            />
            <Stat
              label="Network in / out"
              value={`${formatBytes(state.stats.network_rx_bytes)} / ${formatBytes(state.stats.network_tx_bytes)}`}
              testId="stat-network"
            />
            <Stat label="Processes" value={String(state.stats.pids)} testId="stat-pids" />
          </dl>
          <StatsChart samples={samples} />
        </>
      )}
    </div>
  );
}
