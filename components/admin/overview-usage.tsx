// CPU and memory in use by running workloads (the sampler's last reading) against what the engine has; and the
// capacity starts are admitted against: the memory limits of running workspaces within the memory planned for.
import { formatBytes, formatPercent, formatTime } from "@/components/workspaces/format";
import type { Overview } from "@/lib/admin/read-overview";

function Meter({ label, used, total, text }: { label: string; used: number; total: number; text: string }) {
  const share = total > 0 ? Math.min(used / total, 1) : 0;
  return (
    <div className="flex flex-col gap-1" data-testid={`usage-${label.toLowerCase()}`}>
      <div className="flex justify-between text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-muted-foreground">{text}</span>
      </div>
      {/* The text above says it; the bar is for the eye. */}
      <div className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden>
        <div className="h-full bg-primary" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}

export function OverviewUsage({ usage }: { usage: Overview["usage"] }) {
  if (!usage.engine)
    return (
      <p className="text-sm text-muted-foreground" data-testid="usage-pending">
        The engine's CPUs and memory could not be read.
      </p>
    );
  // CPU % is Docker's: 100% is one core, so the engine's total is cpus × 100%.
  const cpuTotal = usage.engine.cpus * 100;
  return (
    <div className="flex flex-col gap-4">
      <Meter
        label="CPU"
        used={usage.cpuPercent}
        total={cpuTotal}
        text={`${formatPercent(usage.cpuPercent)} of ${usage.engine.cpus} CPU${usage.engine.cpus === 1 ? "" : "s"} (${formatPercent(cpuTotal)})`}
      />
      <Meter
        label="Memory"
        used={usage.memoryBytes}
        total={usage.engine.memoryBytes}
        text={`${formatBytes(usage.memoryBytes)} of ${formatBytes(usage.engine.memoryBytes)}`}
      />
      <p className="text-xs text-muted-foreground">
        {usage.running} running workload{usage.running === 1 ? "" : "s"}; sampled{" "}
        {usage.sampledAt ? formatTime(usage.sampledAt) : "not yet"}.
      </p>
    </div>
  );
}

/** Memory as admission counts it: limits, not use (a workspace may grow to its limit). */
export function OverviewCapacity({ capacity }: { capacity: Overview["capacity"] }) {
  const { plannableBytes, committedBytes, leftBytes, totalBytes } = capacity;
  const planned =
    plannableBytes === null || totalBytes === null
      ? "not known (the engine's memory could not be read)"
      : `${formatBytes(plannableBytes)} (${formatBytes(totalBytes)} ${capacity.source === "setting" ? "set by CAPACITY_MEMORY" : "on the engine"} × ${capacity.overcommit} overcommit)`;
  return (
    <div
      className="flex flex-col gap-3"
      data-testid="capacity"
      data-planned-bytes={plannableBytes ?? ""}
      data-committed-bytes={committedBytes ?? ""}
      data-left-bytes={leftBytes ?? ""}
      data-running={capacity.running ?? ""}
      data-max-starts={capacity.maxConcurrentStarts}
    >
      {committedBytes !== null && plannableBytes !== null ? (
        <Meter
          label="Held"
          used={committedBytes}
          total={plannableBytes}
          text={`${formatBytes(committedBytes)} of ${formatBytes(plannableBytes)} held`}
        />
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-muted-foreground">Planned for</dt>
        <dd>{planned}</dd>
        <dt className="text-muted-foreground">Held by limits</dt>
        <dd>
          {committedBytes === null
            ? "unknown while the engine is unreachable"
            : `${formatBytes(committedBytes)} by ${capacity.running} running workspace${capacity.running === 1 ? "" : "s"}`}
        </dd>
        <dt className="text-muted-foreground">Left</dt>
        <dd>{leftBytes === null ? "unknown" : formatBytes(leftBytes)}</dd>
        <dt className="text-muted-foreground">Starts at once</dt>
        <dd>at most {capacity.maxConcurrentStarts}</dd>
      </dl>
    </div>
  );
}
