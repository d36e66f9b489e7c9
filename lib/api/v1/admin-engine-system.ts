// The engine itself for admins: version, drivers, resources and disk use. Tied to the use case's view type
// (lib/engine/system/system-view.ts).
import { z } from "zod";
import { operation } from "@/lib/api/operation";
import { ENGINE_ERRORS } from "@/lib/api/operation-errors";
import { sameType } from "@/lib/api/same-type";
import type { DiskUseRow, SystemView } from "@/lib/engine/system/system-view";

export const ENGINE_TAG = "admin: engine";

const diskRow = z.strictObject({
  count: z.number().int(),
  size_bytes: z.number().int(),
  reclaimable_bytes: z.number().int().describe("What removing the unused ones would give back."),
});
sameType<z.output<typeof diskRow>, DiskUseRow>();

const systemSchema = z.strictObject({
  engine_version: z.string(),
  api_version: z.string(),
  os: z.string(),
  os_type: z.string(),
  kernel_version: z.string(),
  architecture: z.string(),
  storage_driver: z.string(),
  cgroup_driver: z.string(),
  cgroup_version: z.string(),
  cpus: z.number().int(),
  memory_bytes: z.number().int(),
  containers: z.strictObject({
    total: z.number().int(),
    running: z.number().int(),
    paused: z.number().int(),
    stopped: z.number().int(),
  }),
  images: z.number().int(),
  swarm: z.strictObject({
    state: z.string().describe("inactive, pending, active, error or locked."),
    manager: z.boolean(),
  }),
  disk: z.strictObject({ images: diskRow, containers: diskRow, volumes: diskRow, build_cache: diskRow }),
});
sameType<z.output<typeof systemSchema>, SystemView>();

export const adminEngineSystemOperations = [
  operation({
    id: "adminReadEngineSystem",
    method: "get",
    path: "/api/v1/admin/engine/system",
    summary: "The engine's facts and disk use",
    description:
      "Version, API version, OS, kernel, storage and cgroup drivers, CPUs, memory, containers, Swarm state, and `docker system df` per kind.",
    tags: [ENGINE_TAG],
    access: "admin",
    responses: { 200: { description: "The engine.", schema: systemSchema } },
    errors: ENGINE_ERRORS,
  }),
];
