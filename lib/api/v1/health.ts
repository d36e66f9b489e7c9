// The versioned API's health operation.
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";

export const healthV1 = z.strictObject({
  status: z.enum(["ok", "degraded"]),
  checks: z.strictObject({ database: z.enum(["ok", "down"]), docker: z.enum(["ok", "down"]) }),
  version: z.string(),
});

export const healthOperations: Operation[] = [
  {
    id: "getHealth",
    method: "get",
    path: "/api/v1/health",
    summary: "Whether the platform can serve",
    description:
      "The database and the container engine, each ok or down; 503 when one is down. No caller needed.",
    tags: ["platform"],
    access: "public",
    responses: {
      200: { description: "Everything is up", schema: healthV1 },
      503: { description: "A dependency is down", schema: healthV1 },
    },
    errors: [{ status: 429, codes: ["RATE_LIMITED"] }],
  },
];
