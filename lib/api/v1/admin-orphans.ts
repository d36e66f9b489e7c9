// What the engine holds for this app that nothing in the database claims, and what an admin may do with it. Answers
// are tied to the use cases' view types (lib/admin/list-orphans.ts, the kept volume a give makes).
import { z } from "zod";
import type { Orphans } from "@/lib/admin/list-orphans";
import type { removeOrphanVolume } from "@/lib/admin/remove-orphan-volume";
import type { removeOrphanWorkload } from "@/lib/admin/remove-orphan-workload";
import { operation } from "@/lib/api/operation";
import { ENGINE_ERRORS } from "@/lib/api/operation-errors";
import { sameType } from "@/lib/api/same-type";
import { giveVolumeSchema, VOLUME_NAME, WORKLOAD_ID } from "@/lib/validations/admin-users";
import type { KeptVolumeView } from "@/lib/workspaces/kept-volumes";

const TAG = "admin: orphans";

const owner = z
  .strictObject({ id: z.string(), email: z.string().nullable().describe("null: that account is gone.") })
  .nullable()
  .describe("Whose its labels say it was.");

const orphansSchema = z.strictObject({
  workloads: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      image: z.string(),
      state: z.enum(["pending", "running", "stopped", "failed"]),
      created_at: z.iso.datetime(),
      owner,
      workspace: z.strictObject({ id: z.string().nullable(), name: z.string(), template: z.string() }),
    }),
  ),
  volumes: z.array(
    z.strictObject({
      name: z.string(),
      created_at: z.iso.datetime().nullable(),
      owner,
      workspace_id: z.string().nullable(),
    }),
  ),
});
sameType<z.output<typeof orphansSchema>, Orphans>();

const keptVolumeSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  workspace_name: z.string(),
  template: z.string(),
  kept_at: z.iso.datetime(),
});
sameType<z.output<typeof keptVolumeSchema>, KeptVolumeView>();

const volumeRemovedSchema = z.strictObject({ removed: z.literal(true), name: z.string() });
sameType<z.output<typeof volumeRemovedSchema>, Awaited<ReturnType<typeof removeOrphanVolume>>>();

const workloadRemovedSchema = z.strictObject({ removed: z.literal(true), id: z.string() });
sameType<z.output<typeof workloadRemovedSchema>, Awaited<ReturnType<typeof removeOrphanWorkload>>>();

const volumeName = z.strictObject({
  name: z.string().regex(VOLUME_NAME).describe("The orphaned volume's name (another name is 404)."),
});

export const adminOrphanOperations = [
  operation({
    id: "adminListOrphans",
    method: "get",
    path: "/api/v1/admin/orphans",
    summary: "List orphaned workloads and volumes",
    description:
      "Labelled workloads no workspace claims, and data volumes no workspace or kept volume names.",
    tags: [TAG],
    access: "admin",
    responses: { 200: { description: "Both lists, by name.", schema: orphansSchema } },
    errors: ENGINE_ERRORS,
  }),
  operation({
    id: "adminGiveOrphanVolume",
    method: "post",
    path: "/api/v1/admin/orphans/volumes/{name}/give",
    summary: "Give an orphaned volume to a user",
    description: "It becomes one of their kept volumes, attachable to a new workspace.",
    tags: [TAG],
    access: "admin",
    params: volumeName,
    body: giveVolumeSchema,
    responses: { 200: { description: "The user's new kept volume.", schema: keptVolumeSchema } },
    errors: [
      { status: 404, codes: ["VOLUME_NOT_FOUND", "USER_NOT_FOUND"] },
      { status: 409, codes: ["CONFLICT"] },
      ...ENGINE_ERRORS,
    ],
  }),
  operation({
    id: "adminRemoveOrphanVolume",
    method: "delete",
    path: "/api/v1/admin/orphans/volumes/{name}",
    summary: "Remove an orphaned volume and its data",
    description: "Only with its name typed again as confirm; 409 while a container still uses it.",
    tags: [TAG],
    access: "admin",
    params: volumeName,
    query: z.strictObject({ confirm: z.string().describe("The volume's name, typed again.") }),
    responses: { 200: { description: "Removed.", schema: volumeRemovedSchema } },
    errors: [
      { status: 400, codes: ["CONFIRMATION_REQUIRED"] },
      { status: 404, codes: ["VOLUME_NOT_FOUND"] },
      { status: 409, codes: ["CONFLICT"] },
      ...ENGINE_ERRORS,
    ],
  }),
  operation({
    id: "adminRemoveOrphanWorkload",
    method: "delete",
    path: "/api/v1/admin/orphans/workloads/{id}",
    summary: "Remove an orphaned workload now",
    description:
      "Its data volume stays, listed as an orphaned volume (the reconciler would remove it later anyway).",
    tags: [TAG],
    access: "admin",
    params: z.strictObject({
      id: z.string().regex(WORKLOAD_ID).describe("The orphaned workload's id (another id is 404)."),
    }),
    responses: { 200: { description: "Removed.", schema: workloadRemovedSchema } },
    errors: ENGINE_ERRORS,
  }),
];
