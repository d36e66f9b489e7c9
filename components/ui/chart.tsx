"use client";

import type * as React from "react";
import { createContext, useContext } from "react";
import { ResponsiveContainer, Tooltip, type TooltipContentProps } from "recharts";
import { cn } from "@/lib/utils";

/** Series by data key: the label people read and a CSS color (usually a theme variable). */
export type ChartConfig = Record<string, { label: string; color: string }>;

const ChartContext = createContext<ChartConfig | null>(null);

function useChartConfig(): ChartConfig {
  const config = useContext(ChartContext);
  if (!config) throw new Error("Chart parts must be used inside <ChartContainer>.");
  return config;
}

/**
 * Sizes a recharts chart to its box and exposes each series color as --color-<key>, so lines and
 * the tooltip use the same theme variables: <Line stroke="var(--color-cpu)" />.
 */
export function ChartContainer({
  config,
  className,
  style,
  children,
  ...props
}: Omit<React.ComponentProps<"div">, "children"> & { config: ChartConfig; children: React.ReactNode }) {
  const colors = Object.fromEntries(
    Object.entries(config).map(([key, item]) => [`--color-${key}`, item.color]),
  ) as React.CSSProperties;
  return (
    <ChartContext value={config}>
      <div
        data-slot="chart"
        className={cn(
          "aspect-video w-full text-xs [&_.recharts-cartesian-axis-tick_text]:fill-muted-foreground [&_.recharts-cartesian-grid_line]:stroke-border [&_.recharts-surface]:outline-none",
          className,
        )}
        style={{ ...colors, ...style }}
        {...props}
      >
        {/* A non-zero first size keeps recharts from warning while the server renders. */}
        <ResponsiveContainer initialDimension={{ width: 320, height: 160 }}>{children}</ResponsiveContainer>
      </div>
    </ChartContext>
  );
}

export const ChartTooltip = Tooltip;

/** A small tooltip: the x label, then one row per series with its color, label and value. */
export function ChartTooltipContent({
  active,
  payload,
  label,
  formatValue = String,
  formatLabel = String,
}: Partial<TooltipContentProps<number, string>> & {
  formatValue?: (value: number) => string;
  formatLabel?: (label: string | number) => string;
}) {
  const config = useChartConfig();
  if (!active || !payload?.length) return null;
  return (
    <div className="grid min-w-32 gap-1.5 rounded-lg border bg-background px-2.5 py-1.5 text-xs shadow-md">
      {label !== undefined && <div className="font-medium">{formatLabel(label)}</div>}
      {payload.map((item) => {
        const key = String(item.dataKey ?? item.name);
        return (
          <div key={key} className="flex items-center gap-2">
            <span
              aria-hidden
              className="size-2.5 shrink-0 rounded-[2px]"
              style={{ backgroundColor: `var(--color-${key})` }}
            />
            <span className="text-muted-foreground">{config[key]?.label ?? key}</span>
            <span className="ml-auto font-mono font-medium tabular-nums">
              {typeof item.value === "number" ? formatValue(item.value) : String(item.value ?? "")}
            </span>
          </div>
        );
      })}
    </div>
  );
}
