"use client";

import { Area, CartesianGrid, ComposedChart, Line, XAxis, YAxis } from "recharts";
import { type ChartConfig, ChartContainer, ChartTooltip, ChartTooltipContent } from "@/components/ui/chart";
import { formatBytes, formatPercent } from "@/components/workspaces/format";
import type { HistoryRange } from "@/lib/stats/history-range";
import type { HistoryPointView } from "@/lib/stats/history-view";

// The peak: the highest sample of each step, a spike its average hides.
const cpuConfig = {
  cpu_percent: { label: "CPU", color: "var(--chart-1)" },
  cpu_percent_max: { label: "Peak", color: "var(--chart-2)" },
} satisfies ChartConfig;
const memoryConfig = { memory_bytes: { label: "Memory", color: "var(--chart-2)" } } satisfies ChartConfig;
const networkConfig = {
  net_rx_bytes_per_sec: { label: "In", color: "var(--chart-3)" },
  net_tx_bytes_per_sec: { label: "Out", color: "var(--chart-4)" },
} satisfies ChartConfig;

/** UTC, as every time on the site: hours and minutes for an hour or a day, the date for a month. */
function tick(range: HistoryRange) {
  return (iso: string | number) => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return String(iso);
    return range === "month" ? date.toISOString().slice(5, 10) : date.toISOString().slice(11, 16);
  };
}

const fullTime = (iso: string | number) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? String(iso)
    : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
};
const perSecond = (value: number) => `${formatBytes(value)}/s`;

function Chart({
  title,
  config,
  points,
  range,
  format,
  testId,
}: {
  title: string;
  config: ChartConfig;
  points: HistoryPointView[];
  range: HistoryRange;
  format: (value: number) => string;
  testId: string;
}) {
  const keys = Object.keys(config);
  return (
    <figure className="flex min-w-0 flex-col gap-1" data-testid={testId}>
      <figcaption className="text-xs font-medium text-muted-foreground">{title}</figcaption>
      <ChartContainer config={config} className="aspect-auto h-36" aria-label={`${title} over time`}>
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="at" tickFormatter={tick(range)} minTickGap={40} tickLine={false} axisLine={false} />
          <YAxis tickFormatter={format} width={64} tickLine={false} axisLine={false} />
          <ChartTooltip content={<ChartTooltipContent formatValue={format} formatLabel={fullTime} />} />
          {/* An area for one series, lines for two that cross: either reads at a glance. */}
          {keys.map((key) =>
            keys.length === 1 ? (
              <Area
                key={key}
                dataKey={key}
                stroke={`var(--color-${key})`}
                fill={`var(--color-${key})`}
                fillOpacity={0.2}
                isAnimationActive={false}
              />
            ) : (
              <Line
                key={key}
                dataKey={key}
                stroke={`var(--color-${key})`}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ),
          )}
        </ComposedChart>
      </ChartContainer>
    </figure>
  );
}

/** CPU %, memory and network in / out of one range, one small chart each. */
const CHARTS = [
  { title: "CPU", config: cpuConfig, format: formatPercent, testId: "history-cpu" },
  { title: "Memory", config: memoryConfig, format: formatBytes, testId: "history-memory" },
  { title: "Network in / out", config: networkConfig, format: perSecond, testId: "history-network" },
];

export function HistoryCharts({ points, range }: { points: HistoryPointView[]; range: HistoryRange }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      {CHARTS.map((chart) => (
        <Chart key={chart.testId} {...chart} points={points} range={range} />
      ))}
    </div>
  );
}
