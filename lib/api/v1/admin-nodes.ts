// The cluster's nodes for admins: list them, drain or activate one, read the command a new worker joins with. Answers
// are tied to the use cases' view types (lib/admin/nodes/node-view.ts, read-join-command.ts).
import { z } from "zod";
import type { NodesView, NodeView } from "@/lib/admin/nodes/node-view";
import type { JoinCommandView } from "@/lib/admin/nodes/read-join-command";
import { operation } from "@/lib/api/operation";
import { ENGINE_ERRORS } from "@/lib/api/operation-errors";
import { sameType } from "@/lib/api/same-type";
import { drainNodeQuerySchema, NODE_ID } from "@/lib/validations/admin-nodes";

const TAG = "admin: nodes";

const nodeSchema = z.strictObject({
  id: z.string(),
  hostname: z.string(),
  role: z.enum(["manager", "worker"]),
  self: z.boolean().describe("The manager this app talks to (the node it runs on)."),
  leader: z.boolean(),
  availability: z.enum(["active", "pause", "drain"]),
  status: z.enum(["ready", "down", "unknown", "disconnected"]),
  address: z.string(),
  engine_version: z.string(),
  cpus: z.number(),
  memory_bytes: z.number().int(),
  reserved: z
    .strictObject({ cpus: z.number(), memory_bytes: z.number().int() })
    .describe("What this app's workloads running or pinned there reserve."),
  tasks: z.number().int().describe("This app's tasks running (or starting) there now."),
  pinned: z.number().int().describe("This app's workloads pinned there by their data volume."),
});
sameType<z.output<typeof nodeSchema>, NodeView>();

const nodesSchema = z.strictObject({
  runtime: z.enum(["docker", "swarm"]).describe("docker: one engine, no nodes."),
  nodes: z.array(nodeSchema),
});
sameType<z.output<typeof nodesSchema>, NodesView>();

const joinCommandSchema = z.strictObject({
  command: z.string().describe("docker swarm join --token <worker token> <manager address>"),
});
sameType<z.output<typeof joinCommandSchema>, JoinCommandView>();

const nodeId = z.strictObject({
  id: z.string().regex(NODE_ID).describe("The node's Swarm id (another id is 404)."),
});

export const adminNodeOperations = [
  operation({
    id: "adminListNodes",
    method: "get",
    path: "/api/v1/admin/nodes",
    summary: "List the cluster's nodes",
    description:
      'Every Swarm node with its state, resources and what this app\'s workloads hold there; on the docker runtime `{ runtime: "docker", nodes: [] }`.',
    tags: [TAG],
    access: "admin",
    responses: { 200: { description: "The runtime and its nodes, by hostname.", schema: nodesSchema } },
    errors: ENGINE_ERRORS,
  }),
  operation({
    id: "adminDrainNode",
    method: "post",
    path: "/api/v1/admin/nodes/{id}/drain",
    summary: "Drain a node",
    description:
      "Its tasks move to other nodes and nothing new is placed there; workspaces pinned to it wait. Refused for the last active, ready node (409), and for the node this app runs on unless `confirm` is its hostname (400).",
    tags: [TAG],
    access: "admin",
    params: nodeId,
    query: drainNodeQuerySchema,
    responses: { 200: { description: "The node, drained.", schema: nodeSchema } },
    errors: [
      { status: 400, codes: ["CONFIRMATION_REQUIRED"] },
      { status: 409, codes: ["LAST_ACTIVE_NODE"] },
      ...ENGINE_ERRORS,
    ],
  }),
  operation({
    id: "adminActivateNode",
    method: "post",
    path: "/api/v1/admin/nodes/{id}/activate",
    summary: "Activate a node",
    description: "New tasks may be placed there again; nothing moves back by itself.",
    tags: [TAG],
    access: "admin",
    params: nodeId,
    responses: { 200: { description: "The node, active.", schema: nodeSchema } },
    errors: ENGINE_ERRORS,
  }),
  operation({
    id: "adminReadJoinCommand",
    method: "get",
    path: "/api/v1/admin/nodes/join-command",
    summary: "The command a new worker joins with",
    description:
      "It holds the Swarm's worker join token: every read is audited (`node.join-command`). 501 on the docker runtime.",
    tags: [TAG],
    access: "admin",
    responses: { 200: { description: "The command, to run on the new machine.", schema: joinCommandSchema } },
    errors: [{ status: 501, codes: ["NOT_AVAILABLE"] }, ...ENGINE_ERRORS],
  }),
];
