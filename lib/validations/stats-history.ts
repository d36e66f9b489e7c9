// Input of the stats history calls, shared by the routes and the API document.
import { z } from "zod";
import { HISTORY_RANGES } from "@/lib/stats/history-range";

export const statsHistoryQuerySchema = z.strictObject({
  range: z
    .enum(HISTORY_RANGES, { message: "must be hour, day or month" })
    .default("hour")
    .describe("hour: raw samples; day: 5-minute averages; month: 2-hour averages of those."),
});
