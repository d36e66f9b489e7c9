// Input of the admin's node calls, shared by the routes, the actions and the API document.
import { z } from "zod";

// A Swarm node id is 25 lowercase letters and digits; anything else names no node: 404, not 400.
export const NODE_ID = /^[a-z0-9]{1,64}$/;

export const drainNodeQuerySchema = z.strictObject({
  confirm: z
    .string()
    .max(255)
    .optional()
    .describe("The node's hostname, typed again: needed to drain the node this app runs on (self)."),
});
