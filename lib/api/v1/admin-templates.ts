// Templates for admins: every one (disabled too) with its facts, made, changed, enabled or disabled. Inputs are the
// routes' own schemas (lib/validations/template.ts); answers are tied to AdminTemplateView.
import { z } from "zod";
import type { AdminTemplateView } from "@/lib/admin/admin-template-view";
import { operation } from "@/lib/api/operation";
import { ENGINE_ERRORS } from "@/lib/api/operation-errors";
import { sameType } from "@/lib/api/same-type";
import { templateInputSchema, templatePatchSchema } from "@/lib/validations/template";

const TAG = "admin: templates";

const limitValues = z.strictObject({ memory_mb: z.number(), cpus: z.number(), pids: z.number() });

const adminTemplateSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  display_name: z.string(),
  description: z.string(),
  image: z.string(),
  image_present: z.boolean().nullable().describe("null: the engine could not be asked."),
  apps: z.array(
    z.strictObject({
      name: z.string(),
      port: z.number().int(),
      primary: z.boolean(),
      health_path: z.string().nullable(),
    }),
  ),
  limits: z.strictObject({ default: limitValues, max: limitValues }),
  data_path: z.string(),
  volume: z
    .strictObject({
      driver: z.string(),
      options: z.record(z.string(), z.string()),
      shared: z.boolean().describe("Every node reaches the same data: a Swarm does not pin the workspace."),
    })
    .describe(
      "The driver new data volumes are made with; {volume} in an option is the workspace's volume name.",
    ),
  idle_timeout_minutes: z.number().min(0).describe("0: never stopped when idle."),
  max_lifetime_minutes: z.number().min(0).describe("0: no maximum lifetime."),
  enabled: z.boolean(),
  version: z.number().int(),
  follows_settings: z.boolean().describe("A seeded template nobody has edited: written from the settings."),
  edited_at: z.iso.datetime().nullable(),
  workspaces: z.number().int().describe("How many workspaces are made from it."),
  outdated: z.number().int().describe("Of those, how many run an older version of it."),
});
sameType<z.output<typeof adminTemplateSchema>, AdminTemplateView>();

export const adminTemplateOperations = [
  operation({
    id: "adminListTemplates",
    method: "get",
    path: "/api/v1/admin/templates",
    summary: "List every template",
    description: "Disabled ones too, with whether the image is on the engine and how many workspaces use it.",
    tags: [TAG],
    access: "admin",
    responses: {
      200: {
        description: "Every template, by name.",
        schema: z.strictObject({ templates: z.array(adminTemplateSchema) }),
      },
    },
    errors: ENGINE_ERRORS,
  }),
  operation({
    id: "adminCreateTemplate",
    method: "post",
    path: "/api/v1/admin/templates",
    summary: "Create a template",
    description: "Its image must be on the engine; its name is unique and never changes.",
    tags: [TAG],
    access: "admin",
    body: templateInputSchema,
    responses: { 201: { description: "The new template.", schema: adminTemplateSchema } },
    errors: [{ status: 409, codes: ["NAME_TAKEN"] }, ...ENGINE_ERRORS],
  }),
  operation({
    id: "adminUpdateTemplate",
    method: "patch",
    path: "/api/v1/admin/templates/{id}",
    summary: "Change a template, or enable or disable it",
    description:
      "Any fields but the name (checked whole; a change of image, apps, data path or volume is a new version, running " +
      "workspaces keep theirs), or { enabled } by itself. dev and prod can't be disabled.",
    tags: [TAG],
    access: "admin",
    params: z.strictObject({ id: z.string().describe("The template's id.") }),
    body: templatePatchSchema,
    responses: { 200: { description: "The template as it is now.", schema: adminTemplateSchema } },
    errors: [
      { status: 404, codes: ["TEMPLATE_NOT_FOUND"] },
      { status: 409, codes: ["CONFLICT"] },
      ...ENGINE_ERRORS,
    ],
  }),
];
