// The stats history of a workspace (its owner or an admin) and of the whole platform (admins): what the sampler
// recorded, tied to the use cases' views.
import { z } from "zod";
import { operation } from "@/lib/api/operation";
import { sameType } from "@/lib/api/same-type";
import { workspaceIdParams } from "@/lib/api/v1/workspace-schemas";
import { HISTORY_RANGES } from "@/lib/stats/history-range";
import type { HistoryView } from "@/lib/stats/history-view";
import type { PlatformHistoryView } from "@/lib/stats/read-platform-history";
import { statsHistoryQuerySchema } from "@/lib/validations/stats-history";

const seriesPointSchema = z.strictObject({
  at: z.iso.datetime().describe("The start of the step the values are averages of."),
  cpu_percent: z.number().describe("Of one CPU: 200 is two CPUs busy."),
  cpu_percent_max: z
    .number()
    .describe("The highest CPU % within the step (for the hour, a step is a sample: equal to cpu_percent)."),
  memory_bytes: z.number(),
  net_rx_bytes_per_sec: z.number(),
  net_tx_bytes_per_sec: z.number(),
});

const pointSchema = seriesPointSchema.extend({
  memory_limit_bytes: z
    .number()
    .describe(
      "Its memory limit, or the engine's memory when it has none of its own; 0: the runtime can't tell.",
    ),
});

const historyFields = {
  range: z.enum(HISTORY_RANGES),
  step_seconds: z.number().describe("The width of one point."),
  sample_interval_seconds: z.number().describe("How often the sampler reads running workloads."),
};

const historySchema = z.strictObject({ ...historyFields, points: z.array(pointSchema) });
sameType<z.output<typeof historySchema>, HistoryView>();

const platformHistorySchema = z.strictObject({
  ...historyFields,
  points: z.array(
    seriesPointSchema.extend({
      workspaces: z.number().int().describe("How many workspaces the sums are over."),
    }),
  ),
});
sameType<z.output<typeof platformHistorySchema>, PlatformHistoryView>();

const RANGES =
  "hour: every sample (a point per STATS_SAMPLE_INTERVAL_S, at least 10 s); day: 5-minute averages; month: 2-hour averages.";

export const statsHistoryOperations = [
  operation({
    id: "getWorkspaceStatsHistory",
    method: "get",
    path: "/api/v1/workspaces/{id}/stats/history",
    summary: "A workspace's CPU, memory and network over the last hour, day or month",
    description: `Recorded by the background sampler while it runs; oldest first. ${RANGES}`,
    tags: ["workspaces"],
    access: "workspaces:read",
    params: workspaceIdParams,
    query: statsHistoryQuerySchema,
    responses: { 200: { description: "The points of the range.", schema: historySchema } },
    errors: [{ status: 404, codes: ["WORKSPACE_NOT_FOUND"] }],
  }),
  operation({
    id: "adminGetStatsHistory",
    method: "get",
    path: "/api/v1/admin/stats/history",
    summary: "What all workspaces used together over the last hour, day or month",
    description: `Per point, the sum over workspaces of their averages (a deleted workspace's share of past points stays; no memory limit: a sum of them means nothing). ${RANGES}`,
    tags: ["admin: workspaces"],
    access: "admin",
    query: statsHistoryQuerySchema,
    responses: { 200: { description: "The points of the range.", schema: platformHistorySchema } },
    errors: [],
  }),
];
