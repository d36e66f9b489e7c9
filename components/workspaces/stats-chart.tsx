"use client";

import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { type ChartConfig, ChartContainer, ChartTooltip, ChartTooltipContent } from "@/components/ui/chart";
import { formatPercent } from "@/components/workspaces/format";
import type { StatsSample } from "@/components/workspaces/use-workspace-stats";

const config = {
  cpu: { label: "CPU", color: "var(--chart-1)" },
  memory: { label: "Memory", color: "var(--chart-2)" },
} satisfies ChartConfig;

function clock(iso: string | number): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toISOString().slice(11, 19);
}

/** CPU % and memory % of the limit over the last samples, on one 0–100 scale. */
export function StatsChart({ samples }: { samples: StatsSample[] }) {
  return (
    <div className="flex flex-col gap-2">
      <ChartContainer config={config} className="aspect-auto h-40" aria-label="CPU and memory over time">
        <LineChart data={samples} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="at" hide />
          <YAxis domain={[0, 100]} ticks={[0, 50, 100]} tickLine={false} axisLine={false} unit="%" />
          <ChartTooltip
            isAnimationActive={false}
            content={<ChartTooltipContent formatValue={formatPercent} formatLabel={clock} />}
          />
          {/* Live data: animating every 2 s update would only make the lines wobble. */}
          <Line
            dataKey="cpu"
            stroke="var(--color-cpu)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="memory"
            stroke="var(--color-memory)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ChartContainer>
      <ul className="flex gap-4 text-xs text-muted-foreground">
        {Object.entries(config).map(([key, item]) => (
          <li key={key} className="flex items-center gap-1.5">
            <span aria-hidden className="size-2.5 rounded-[2px]" style={{ backgroundColor: item.color }} />
            {item.label} %
          </li>
        ))}
      </ul>
    </div>
  );
}
