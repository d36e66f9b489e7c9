// The operations of the versioned workspace API: what each route takes and answers (lib/api/operation.ts).
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { ENGINE_ERRORS } from "@/lib/api/operation-errors";
import {
  deletedV1,
  deleteQueryV1,
  listWorkspacesQueryV1,
  logsQueryV1,
  logsV1,
  statsV1,
  workspaceDetailV1,
  workspaceIdParams,
  workspaceListV1,
  workspaceV1,
} from "@/lib/api/v1/workspace-schemas";
import { createWorkspaceSchema, updateWorkspaceSchema } from "@/lib/validations/workspace";

const TAGS = ["workspaces"];
// What every operation of its kind may answer (no caller, a scope, the rate limit, bad input) is added by
// lib/api/operation-errors.ts; these are each operation's own.
const one = (...more: Operation["errors"]): Operation["errors"] => [
  ...ENGINE_ERRORS,
  { status: 404, codes: ["WORKSPACE_NOT_FOUND"] },
  ...more,
];
/** The errors a start may end with. */
const START_ERRORS: Operation["errors"] = [
  { status: 403, codes: ["QUOTA_EXCEEDED"] },
  { status: 409, codes: ["CONFLICT", "ACCOUNT_DISABLED", "SECRET_UNREADABLE"] },
  { status: 422, codes: ["GIT_CLONE_FAILED"] },
  { status: 429, codes: ["RATE_LIMITED"] },
  { status: 500, codes: ["CONTAINER_START_FAILED", "TEMPLATE_IMAGE_NOT_FOUND"] },
  { status: 503, codes: ["RESOURCE_LIMIT_EXCEEDED"] },
  { status: 504, codes: ["CONTAINER_NOT_READY"] },
];

export const workspaceOperations: Operation[] = [
  {
    id: "listWorkspaces",
    method: "get",
    path: "/api/v1/workspaces",
    summary: "List your workspaces",
    description:
      "Your own workspaces (dev and prod first), filtered by status and template, a page at a time.",
    tags: TAGS,
    access: "workspaces:read",
    query: listWorkspacesQueryV1,
    responses: { 200: { description: "One page of your workspaces", schema: workspaceListV1 } },
    errors: ENGINE_ERRORS,
  },
  {
    id: "createWorkspace",
    method: "post",
    path: "/api/v1/workspaces",
    summary: "Create a workspace and start it",
    description:
      "Creates a workspace from a template with its settings and starts it; answers once its apps answer. A start " +
      "that fails takes the new workspace away again (a kept volume it was given is kept again). Counts against " +
      "your quotas. Bodies up to 1 MB.",
    tags: TAGS,
    access: "workspaces:write",
    body: createWorkspaceSchema,
    responses: { 201: { description: "Created and running", schema: workspaceV1 } },
    errors: [
      ...ENGINE_ERRORS,
      ...START_ERRORS,
      { status: 404, codes: ["VOLUME_NOT_FOUND"] },
      { status: 409, codes: ["NAME_TAKEN"] },
    ],
  },
  {
    id: "getWorkspace",
    method: "get",
    path: "/api/v1/workspaces/{id}",
    summary: "One workspace, with the health of its apps",
    description:
      "Status, uptime, each app's URL and health (probed now, at most 2 s), settings (secrets never), data.",
    tags: TAGS,
    access: "workspaces:read",
    params: workspaceIdParams,
    responses: { 200: { description: "The workspace", schema: workspaceDetailV1 } },
    errors: one(),
  },
  {
    id: "updateWorkspace",
    method: "patch",
    path: "/api/v1/workspaces/{id}",
    summary: "Change a workspace's settings",
    description:
      "takes says what the change needs (none, restart, recreate); with apply_now a running workspace restarts or " +
      "is re-created now (data kept), otherwise at its next start.",
    tags: TAGS,
    access: "workspaces:write",
    params: workspaceIdParams,
    body: updateWorkspaceSchema,
    responses: {
      200: {
        description: "Saved",
        schema: z.strictObject({
          workspace: workspaceV1,
          takes: z.enum(["none", "restart", "recreate"]),
          applied: z.boolean(),
        }),
      },
    },
    errors: one(...START_ERRORS),
  },
  {
    id: "deleteWorkspace",
    method: "delete",
    path: "/api/v1/workspaces/{id}",
    summary: "Delete a workspace",
    description:
      "Removes its workload; its data volume is kept (listed as a kept volume) unless keep_data=false.",
    tags: TAGS,
    access: "workspaces:write",
    params: workspaceIdParams,
    query: deleteQueryV1,
    responses: { 200: { description: "Deleted", schema: deletedV1 } },
    // 501: on a Swarm, its data is on a node whose engine the app can't reach (nothing is removed then).
    errors: one({ status: 409, codes: ["CONFLICT"] }, { status: 501, codes: ["NOT_AVAILABLE"] }),
  },
  ...(["start", "restart"] as const).map(
    (verb): Operation => ({
      id: `${verb}Workspace`,
      method: "post",
      path: `/api/v1/workspaces/{id}/${verb}`,
      summary: verb === "start" ? "Start a workspace" : "Restart a workspace",
      description:
        verb === "start"
          ? "Makes its workload if it is missing (data kept), starts it, answers once its apps answer."
          : "Restarts it (a stopped one starts), applying a pending settings change; answers once its apps answer.",
      tags: TAGS,
      access: "workspaces:write",
      params: workspaceIdParams,
      responses: { 200: { description: "Running", schema: workspaceV1 } },
      errors: one(...START_ERRORS),
    }),
  ),
  {
    id: "stopWorkspace",
    method: "post",
    path: "/api/v1/workspaces/{id}/stop",
    summary: "Stop a workspace",
    description: "Stops it, data kept; stopping a stopped workspace is fine.",
    tags: TAGS,
    access: "workspaces:write",
    params: workspaceIdParams,
    responses: { 200: { description: "Stopped", schema: workspaceV1 } },
    errors: one({ status: 409, codes: ["CONFLICT"] }),
  },
  {
    id: "getWorkspaceLogs",
    method: "get",
    path: "/api/v1/workspaces/{id}/logs",
    summary: "The last lines of a workspace's log",
    tags: TAGS,
    access: "workspaces:read",
    params: workspaceIdParams,
    query: logsQueryV1,
    responses: { 200: { description: "Its last lines, oldest first", schema: logsV1 } },
    errors: one({ status: 409, codes: ["CONFLICT"] }),
  },
  {
    id: "getWorkspaceStats",
    method: "get",
    path: "/api/v1/workspaces/{id}/stats",
    summary: "One resource sample of a running workspace",
    tags: TAGS,
    access: "workspaces:read",
    params: workspaceIdParams,
    responses: { 200: { description: "CPU, memory, network and processes now", schema: statsV1 } },
    // 501: on a Swarm, it runs on a node whose engine the app can't reach (SWARM_NODE_ENDPOINTS).
    errors: one({ status: 409, codes: ["CONFLICT"] }, { status: 501, codes: ["NOT_AVAILABLE"] }),
  },
];
