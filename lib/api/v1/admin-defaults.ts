// The container defaults admins set over the environment's. The PUT body is the route's own parser
// (defaultsInputSchema, which checks each value with the environment's schema); as it takes any JSON and reports
// every bad key itself, its shape for the document is given here as metadata.
import { z } from "zod";
import type { DefaultsView } from "@/lib/admin/defaults-view";
import { operation } from "@/lib/api/operation";
import { ENGINE_ERRORS } from "@/lib/api/operation-errors";
import { sameType } from "@/lib/api/same-type";
import { DEFAULT_KEYS, defaultsInputSchema } from "@/lib/defaults/defaults";

const TAG = "admin: defaults";

const keyed = z.record(z.enum(DEFAULT_KEYS), z.string());

const defaultsViewSchema = z.strictObject({
  keys: z.array(z.enum(DEFAULT_KEYS)),
  environment: keyed.describe("Each setting as the environment has it."),
  overrides: z.partialRecord(z.enum(DEFAULT_KEYS), z.string()).describe("Those stored in the app."),
  effective: keyed.describe("In effect: the override where set, the environment's elsewhere."),
  environment_only: z
    .array(z.strictObject({ key: z.string(), value: z.string(), reason: z.string() }))
    .describe("Settings that stay the deployment's, with why."),
});
sameType<z.output<typeof defaultsViewSchema>, DefaultsView>();

const defaultsBody = defaultsInputSchema.meta({
  description:
    'The whole override: each setting spelled as its environment variable would be ("1g", "0.5", an image); ' +
    "one left out, empty or null follows the environment; {} resets them all.",
  type: "object",
  properties: Object.fromEntries(DEFAULT_KEYS.map((key) => [key, { type: ["string", "number", "null"] }])),
  additionalProperties: false,
});

export const adminDefaultsOperations = [
  operation({
    id: "adminGetDefaults",
    method: "get",
    path: "/api/v1/admin/defaults",
    summary: "Read the container defaults",
    description: "Each setting's environment value, the value stored in the app and the one in effect.",
    tags: [TAG],
    access: "admin",
    responses: { 200: { description: "The defaults.", schema: defaultsViewSchema } },
    errors: [],
  }),
  operation({
    id: "adminUpdateDefaults",
    method: "put",
    path: "/api/v1/admin/defaults",
    summary: "Set the container defaults",
    description:
      "Maxima may not be below their defaults and images must be on the engine. The seeded templates that still " +
      "follow the settings are written again.",
    tags: [TAG],
    access: "admin",
    body: defaultsBody,
    responses: { 200: { description: "The defaults as they are now.", schema: defaultsViewSchema } },
    errors: ENGINE_ERRORS,
  }),
];
