// The wire shapes of the versioned workspace API (/api/v1/workspaces…): one zod schema each, the source of the
// OpenAPI document and of the checks the tests run on every answer. Inputs reuse lib/validations.
import { z } from "zod";
import { TEMPLATE_NAME } from "@/lib/validations/template";
import { WORKSPACE_STATUSES } from "@/lib/workspaces/status";

const limits = z.strictObject({ memory_mb: z.number(), cpus: z.number(), pids: z.number() });
const app = z.strictObject({
  name: z.string(),
  port: z.number().int(),
  primary: z.boolean(),
  /** Where a browser opens it; null unless the workspace runs. */
  url: z.string().nullable(),
});
const appHealth = z
  .enum(["healthy", "unhealthy", "unknown"])
  .describe(
    "healthy: it answers (its health path with a 2xx, where it has one); unknown: the workspace is not running",
  );

const nodeStatus = z.enum(["ready", "down", "unknown", "disconnected"]);

export const workspaceV1 = z.strictObject({
  id: z.string(),
  name: z.string(),
  display_name: z.string(),
  owner: z.strictObject({ id: z.string(), slug: z.string() }),
  template: z.string(),
  status: z.enum(WORKSPACE_STATUSES),
  created_at: z.iso.datetime(),
  started_at: z.iso.datetime().nullable().describe("When the running workload started; null unless it runs"),
  uptime_seconds: z.number().int().nullable(),
  last_activity: z.iso.datetime(),
  stopped_reason: z.string().nullable(),
  last_error: z.string().nullable(),
  pending_change: z.enum(["restart", "recreate"]).nullable(),
  update_available: z.boolean(),
  idle_timeout_minutes: z.number(),
  limits,
  apps: z.array(app),
  placement: z
    .strictObject({
      node: z.string().nullable().describe("The node its task runs on (or last ran on)"),
      node_status: nodeStatus.nullable(),
      pinned_to: z.string().nullable().describe("The node its data volume lives on, which it must run on"),
      pinned_node_status: nodeStatus.nullable(),
      waiting: z
        .string()
        .nullable()
        .describe("Why it can't run now although it should (its node down, no room)"),
    })
    .nullable()
    .describe(
      "Where it runs on a Swarm (RUNTIME=swarm); null on one Docker Engine, and on a Swarm for one that is neither placed nor pinned yet",
    ),
});
export type WorkspaceV1 = z.infer<typeof workspaceV1>;

export const workspaceDetailV1 = workspaceV1.extend({
  apps: z.array(app.extend({ health: appHealth })),
  settings: z.strictObject({
    git: z
      .strictObject({
        url: z.string(),
        branch: z.string().nullable(),
        username: z.string().nullable(),
        has_token: z.boolean(),
        cloned_at: z.iso.datetime().nullable(),
      })
      .nullable(),
    env: z.array(z.strictObject({ key: z.string(), value: z.string() })),
    secret_files: z.array(
      z.strictObject({ path: z.string(), size: z.number().int(), updated_at: z.iso.datetime() }),
    ),
    limits_custom: z.strictObject({
      memory_mb: z.number().nullable(),
      cpus: z.number().nullable(),
      pids: z.number().nullable(),
    }),
    idle_timeout_minutes: z.number().nullable(),
  }),
  data: z.strictObject({ path: z.string(), volume: z.string() }),
});
export type WorkspaceDetailV1 = z.infer<typeof workspaceDetailV1>;

export const WORKSPACES_PAGE_MAX = 100;

export const listWorkspacesQueryV1 = z.strictObject({
  status: z
    .enum(WORKSPACE_STATUSES, { message: `The status is one of ${WORKSPACE_STATUSES.join(", ")}.` })
    .optional(),
  template: z.string().regex(TEMPLATE_NAME, { message: "A template name, such as dev." }).optional(),
  limit: z.coerce
    .number({ message: "The limit must be a number." })
    .int({ message: "The limit must be a whole number." })
    .min(1, { message: "The limit is at least 1." })
    .max(WORKSPACES_PAGE_MAX, { message: `The limit is at most ${WORKSPACES_PAGE_MAX}.` })
    .default(20),
  offset: z.coerce
    .number({ message: "The offset must be a number." })
    .int({ message: "The offset must be a whole number." })
    .min(0, { message: "The offset is 0 or more." })
    .max(1_000_000)
    .default(0),
});
export type ListWorkspacesQueryV1 = z.infer<typeof listWorkspacesQueryV1>;

export const workspaceListV1 = z.strictObject({
  workspaces: z.array(workspaceV1),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const workspaceIdParams = z.strictObject({ id: z.string().describe("The workspace's id") });

export const logsQueryV1 = z.strictObject({
  tail: z.coerce
    .number({ message: "tail must be a number of lines." })
    .int({ message: "tail must be a whole number of lines." })
    .min(1, { message: "tail is at least 1." })
    .max(10_000, { message: "tail is at most 10000 lines." })
    .default(100),
});

export const logsV1 = z.strictObject({
  lines: z.array(z.strictObject({ stream: z.enum(["stdout", "stderr"]), text: z.string() })),
});

export const statsV1 = z.strictObject({
  cpu_percent: z.number(),
  memory_bytes: z.number(),
  memory_limit_bytes: z.number(),
  network_rx_bytes: z.number(),
  network_tx_bytes: z.number(),
  pids: z.number(),
  read_at: z.iso.datetime(),
});

export const deleteQueryV1 = z.strictObject({
  keep_data: z
    .enum(["true", "false"], {
      message: "keep_data must be true (keep the data volume) or false (remove it).",
    })
    .default("true"),
});

export const deletedV1 = z.strictObject({
  deleted: z.literal(true),
  kept_volume: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
});
