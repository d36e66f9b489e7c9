// Every workspace of every user, and bulk actions on many of them. Inputs are the routes' own schemas
// (lib/validations/admin-workspaces.ts); answers are tied to their view types.
import { z } from "zod";
import type { AdminWorkspaceView } from "@/lib/admin/admin-workspace-view";
import type { BulkResult } from "@/lib/admin/bulk-workspaces";
import type { AdminWorkspacePage } from "@/lib/admin/list-all-workspaces";
import { itemErrorSchema } from "@/lib/api/api-error";
import { operation } from "@/lib/api/operation";
import { ENGINE_ERRORS } from "@/lib/api/operation-errors";
import { sameType } from "@/lib/api/same-type";
import {
  ADMIN_WORKSPACE_SORTS,
  adminWorkspaceQuerySchema,
  BULK_ACTIONS,
  bulkWorkspacesSchema,
} from "@/lib/validations/admin-workspaces";
import { WORKSPACE_STATUSES } from "@/lib/workspaces/status";

const TAG = "admin: workspaces";

const owner = z.strictObject({ id: z.string(), email: z.string(), slug: z.string() });

const adminWorkspaceSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  display_name: z.string(),
  owner,
  template: z.strictObject({ name: z.string(), display_name: z.string() }),
  status: z.enum(WORKSPACE_STATUSES),
  container_id: z.string().nullable(),
  started_at: z.iso.datetime().nullable(),
  uptime_seconds: z.number().int().min(0).nullable(),
  cpu_percent: z.number().nullable().describe("The background sampler's last reading."),
  memory_bytes: z.number().nullable(),
  stats_read_at: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
  last_used: z.iso.datetime(),
});
sameType<z.output<typeof adminWorkspaceSchema>, AdminWorkspaceView>();

const adminWorkspacePageSchema = z.strictObject({
  workspaces: z.array(adminWorkspaceSchema),
  total: z.number().int().describe("How many match the filter (all pages)."),
  page: z.number().int(),
  per_page: z.number().int(),
  pages: z.number().int(),
  sort: z.enum(ADMIN_WORKSPACE_SORTS),
  dir: z.enum(["asc", "desc"]),
  sampled_at: z.iso.datetime().nullable().describe("When CPU and memory were sampled (null: not yet)."),
});
sameType<z.output<typeof adminWorkspacePageSchema>, AdminWorkspacePage>();

const bulkResultSchema = z.strictObject({
  action: z.enum(BULK_ACTIONS),
  delete_data: z.boolean(),
  total: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  results: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      owner: owner.nullable().describe("null: no such workspace (any more)."),
      ok: z.boolean(),
      error: itemErrorSchema.optional(),
    }),
  ),
});
sameType<z.output<typeof bulkResultSchema>, BulkResult>();

export const adminWorkspaceOperations = [
  operation({
    id: "adminListWorkspaces",
    method: "get",
    path: "/api/v1/admin/workspaces",
    summary: "List every workspace",
    description:
      "Every user's workspaces with live status and sampled CPU and memory, filtered, sorted and paged.",
    tags: [TAG],
    access: "admin",
    query: adminWorkspaceQuerySchema,
    responses: { 200: { description: "A page of workspaces.", schema: adminWorkspacePageSchema } },
    errors: ENGINE_ERRORS,
  }),
  operation({
    id: "adminBulkWorkspaces",
    method: "post",
    path: "/api/v1/admin/workspaces/bulk",
    summary: "Start, stop, restart or delete many workspaces",
    description:
      "A selection (ids) or everything a filter matches, at most 1000, a few at a time; one result per " +
      "workspace. Deleting with their data takes the number of workspaces typed as confirm.",
    tags: [TAG],
    access: "admin",
    body: bulkWorkspacesSchema,
    responses: { 200: { description: "How each one ended.", schema: bulkResultSchema } },
    errors: [{ status: 400, codes: ["CONFIRMATION_REQUIRED"] }, ...ENGINE_ERRORS],
  }),
];
