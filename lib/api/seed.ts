// The seed's two routes, kept as the seed defined them (the dashboard's dev and prod cards): documented beside the
// versioned API so a client of the old shape finds them too. Answers are tied to SlotView and LaunchResult.
import { z } from "zod";
import { operation } from "@/lib/api/operation";
import { ENGINE_ERRORS } from "@/lib/api/operation-errors";
import { sameType } from "@/lib/api/same-type";
import { SLOT_NAMES } from "@/lib/templates/seeded-templates";
import { WORKSPACE_STATUSES } from "@/lib/workspaces/status";
import type { LaunchResult } from "@/lib/workspaces/with-launch";
import type { SlotView } from "@/lib/workspaces/workspace-view";

const TAG = "seed";

const slotSchema = z.strictObject({
  type: z.string().describe("The slot: dev or prod."),
  display_name: z.string(),
  description: z.string(),
  status: z.enum(WORKSPACE_STATUSES),
  service_url: z.string().nullable().describe("Where it is served while it runs."),
  container_id: z.string().nullable(),
  created_at: z.iso.datetime().nullable(),
  last_used: z.iso.datetime().nullable(),
});
sameType<z.output<typeof slotSchema>, SlotView>();

const launchResultSchema = z.strictObject({
  message: z.string(),
  service_url: z.string().nullable(),
  container_id: z.string(),
  status: z.literal("running"),
});
sameType<z.output<typeof launchResultSchema>, LaunchResult>();

export const seedOperations = [
  operation({
    id: "listContainers",
    method: "get",
    path: "/api/user/containers",
    summary: "The caller's dev and prod slots",
    description: "Whether created yet or not (not_created until first launched), with live status.",
    tags: [TAG],
    access: "workspaces:read",
    responses: {
      200: { description: "Both slots.", schema: z.strictObject({ containers: z.array(slotSchema) }) },
    },
    errors: ENGINE_ERRORS,
  }),
  operation({
    id: "launchContainer",
    method: "post",
    path: "/api/container/launch/{type}",
    summary: "Create and start a slot's workspace, and wait until it is ready",
    description:
      "Twenty calls at once share one launch; GET …/progress follows its steps as server-sent events.",
    tags: [TAG],
    access: "workspaces:write",
    params: z.strictObject({ type: z.enum(SLOT_NAMES).describe("The slot.") }),
    responses: { 200: { description: "It runs.", schema: launchResultSchema } },
    errors: [
      { status: 400, codes: ["INVALID_CONTAINER_TYPE"] },
      { status: 403, codes: ["QUOTA_EXCEEDED"] },
      { status: 409, codes: ["ACCOUNT_DISABLED", "CONFLICT"] },
      { status: 500, codes: ["TEMPLATE_IMAGE_NOT_FOUND", "CONTAINER_START_FAILED"] },
      ...ENGINE_ERRORS,
      { status: 503, codes: ["RESOURCE_LIMIT_EXCEEDED"] },
      { status: 504, codes: ["CONTAINER_NOT_READY"] },
    ],
  }),
];
