// The engine's networks for admins: list, create, remove. Tied to the use cases' view type
// (lib/engine/networks/network-view.ts).
import { z } from "zod";
import { operation } from "@/lib/api/operation";
import { ENGINE_ERRORS } from "@/lib/api/operation-errors";
import { sameType } from "@/lib/api/same-type";
import { ENGINE_TAG } from "@/lib/api/v1/admin-engine-system";
import type { NetworkView } from "@/lib/engine/networks/network-view";
import { createNetworkSchema } from "@/lib/validations/engine-objects";

const networkSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  driver: z.string(),
  scope: z.string(),
  internal: z.boolean(),
  attachable: z.boolean(),
  subnets: z.array(z.string()),
  created_at: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  containers: z.array(z.string()).describe("Containers configured on it, running or not."),
  protected: z.string().nullable().describe("Why it is not removed here, or null."),
});
sameType<z.output<typeof networkSchema>, NetworkView>();

export const adminEngineNetworkOperations = [
  operation({
    id: "adminListEngineNetworks",
    method: "get",
    path: "/api/v1/admin/engine/networks",
    summary: "List the engine's networks",
    description:
      "Every network with its driver, scope, subnets, the containers on it and why it is protected.",
    tags: [ENGINE_TAG],
    access: "admin",
    responses: {
      200: {
        description: "The networks, by name.",
        schema: z.strictObject({ networks: z.array(networkSchema) }),
      },
    },
    errors: ENGINE_ERRORS,
  }),
  operation({
    id: "adminCreateEngineNetwork",
    method: "post",
    path: "/api/v1/admin/engine/networks",
    summary: "Create a network",
    description:
      "A bridge, or an attachable overlay on a Swarm manager (anywhere else 400). A taken name is refused (409 NAME_TAKEN).",
    tags: [ENGINE_TAG],
    access: "admin",
    body: createNetworkSchema,
    responses: { 201: { description: "The network.", schema: networkSchema } },
    errors: [{ status: 409, codes: ["NAME_TAKEN", "IN_USE"] }, ...ENGINE_ERRORS],
  }),
  operation({
    id: "adminRemoveEngineNetwork",
    method: "delete",
    path: "/api/v1/admin/engine/networks/{id}",
    summary: "Remove a network",
    description:
      "By id or name. Refused for the engine's own, the workspaces' (CONTAINER_NETWORK), this app's and the app container's networks (409 PROTECTED), and while containers are on it (409 IN_USE, naming them).",
    tags: [ENGINE_TAG],
    access: "admin",
    params: z.strictObject({ id: z.string().describe("The network's id or name.") }),
    responses: {
      200: { description: "Removed.", schema: z.strictObject({ id: z.string(), name: z.string() }) },
    },
    errors: [
      { status: 404, codes: ["ENGINE_OBJECT_NOT_FOUND"] },
      { status: 409, codes: ["IN_USE", "PROTECTED"] },
      ...ENGINE_ERRORS,
    ],
  }),
];
