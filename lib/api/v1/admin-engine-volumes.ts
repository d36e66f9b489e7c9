// The engine's volumes for admins: list, create, remove, prune. Tied to the use cases' view types
// (lib/engine/volumes/volume-view.ts).
import { z } from "zod";
import { operation } from "@/lib/api/operation";
import { ENGINE_ERRORS } from "@/lib/api/operation-errors";
import { sameType } from "@/lib/api/same-type";
import { ENGINE_TAG } from "@/lib/api/v1/admin-engine-system";
import type { PrunedVolumesView, VolumeView } from "@/lib/engine/volumes/volume-view";
import { createVolumeSchema, pruneVolumesSchema } from "@/lib/validations/engine-objects";

const ownerSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("workspace"),
      workspace_id: z.string(),
      workspace_name: z.string(),
      owner_email: z.string(),
    }),
    z.strictObject({ kind: z.literal("kept"), workspace_name: z.string(), owner_email: z.string() }),
    z.strictObject({ kind: z.literal("orphan"), workspace_id: z.string().nullable() }),
    z.strictObject({ kind: z.literal("app") }),
    z.strictObject({ kind: z.literal("label") }),
  ])
  .nullable()
  .describe("Whose data it is when it is this app's (then it is not removed here), else null.");

const volumeSchema = z.strictObject({
  name: z.string(),
  driver: z.string(),
  mountpoint: z.string(),
  scope: z.string(),
  created_at: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  size_bytes: z
    .number()
    .int()
    .nullable()
    .describe("From system df; null where the engine has not measured it."),
  ref_count: z.number().int(),
  containers: z.array(z.string()).describe("Containers that mount it, running or not."),
  belongs_to: ownerSchema,
});
sameType<z.output<typeof volumeSchema>, VolumeView>();

const prunedSchema = z.strictObject({
  removed: z.array(z.string()),
  count: z.number().int(),
  reclaimed_bytes: z.number().int(),
  failed: z.array(z.strictObject({ name: z.string(), message: z.string() })),
});
sameType<z.output<typeof prunedSchema>, PrunedVolumesView>();

export const adminEngineVolumeOperations = [
  operation({
    id: "adminListEngineVolumes",
    method: "get",
    path: "/api/v1/admin/engine/volumes",
    summary: "List the engine's volumes",
    description:
      "Every volume with its size and users (system df), the containers mounting it and the workspace it holds.",
    tags: [ENGINE_TAG],
    access: "admin",
    responses: {
      200: {
        description: "The volumes, by name.",
        schema: z.strictObject({ volumes: z.array(volumeSchema) }),
      },
    },
    errors: ENGINE_ERRORS,
  }),
  operation({
    id: "adminCreateEngineVolume",
    method: "post",
    path: "/api/v1/admin/engine/volumes",
    summary: "Create a volume",
    description:
      "A taken name is refused (409 NAME_TAKEN); labels under this app's LABEL_PREFIX are its own (400).",
    tags: [ENGINE_TAG],
    access: "admin",
    body: createVolumeSchema,
    responses: { 201: { description: "The volume.", schema: volumeSchema } },
    errors: [{ status: 409, codes: ["NAME_TAKEN", "IN_USE"] }, ...ENGINE_ERRORS],
  }),
  operation({
    id: "adminRemoveEngineVolume",
    method: "delete",
    path: "/api/v1/admin/engine/volumes/{name}",
    summary: "Remove a volume",
    description:
      "Refused while a container mounts it (409 IN_USE, naming them) and for this app's data: a workspace's, a kept or orphaned one, the app's own (409 PROTECTED).",
    tags: [ENGINE_TAG],
    access: "admin",
    params: z.strictObject({ name: z.string().describe("The volume's name.") }),
    responses: { 200: { description: "Removed.", schema: z.strictObject({ name: z.string() }) } },
    errors: [
      { status: 404, codes: ["ENGINE_OBJECT_NOT_FOUND"] },
      { status: 409, codes: ["IN_USE", "PROTECTED"] },
      ...ENGINE_ERRORS,
    ],
  }),
  operation({
    id: "adminPruneEngineVolumes",
    method: "post",
    path: "/api/v1/admin/engine/volumes/prune",
    summary: "Remove unused volumes",
    description:
      "Each volume no container mounts and that is neither this app's data nor a Compose stack's, one by one (never the engine's own prune, which would take stopped workspaces' data): anonymous ones only unless `all`.",
    tags: [ENGINE_TAG],
    access: "admin",
    body: pruneVolumesSchema,
    responses: { 200: { description: "What went and its size.", schema: prunedSchema } },
    errors: ENGINE_ERRORS,
  }),
];
