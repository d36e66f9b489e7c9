// The engine's images for admins: list, pull (an event stream), remove, prune. Tied to the use cases' view types
// (lib/engine/images/image-view.ts).
import { z } from "zod";
import { operation } from "@/lib/api/operation";
import { ENGINE_ERRORS } from "@/lib/api/operation-errors";
import { sameType } from "@/lib/api/same-type";
import { ENGINE_TAG } from "@/lib/api/v1/admin-engine-system";
import type { ImageView, PrunedImagesView, RemovedImageView } from "@/lib/engine/images/image-view";
import { pruneImagesSchema, pullImageSchema, removeImageQuerySchema } from "@/lib/validations/engine-objects";

const imageSchema = z.strictObject({
  id: z.string().describe("sha256:…"),
  repo_tags: z.array(z.string()).describe("repo:tag names; empty for a dangling image."),
  size_bytes: z.number().int(),
  created_at: z.string(),
  containers: z
    .strictObject({ count: z.number().int(), names: z.array(z.string()) })
    .describe("Containers made from it, running or not."),
  templates: z
    .array(z.string())
    .describe(
      'Templates, image settings or workspaces ("2 workspaces") that launch from it: it is not removed.',
    ),
  dangling: z.boolean(),
});
sameType<z.output<typeof imageSchema>, ImageView>();

const imagesSchema = z.strictObject({ images: z.array(imageSchema) });

const removedSchema = z.strictObject({
  id: z.string(),
  untagged: z.array(z.string()),
  deleted: z.array(z.string()),
});
sameType<z.output<typeof removedSchema>, RemovedImageView>();

const prunedSchema = z.strictObject({
  removed: z.array(z.strictObject({ id: z.string(), repo_tags: z.array(z.string()) })),
  count: z.number().int(),
  reclaimed_bytes: z.number().int(),
  failed: z.array(z.strictObject({ id: z.string(), message: z.string() })),
});
sameType<z.output<typeof prunedSchema>, PrunedImagesView>();

export const adminEngineImageOperations = [
  operation({
    id: "adminListEngineImages",
    method: "get",
    path: "/api/v1/admin/engine/images",
    summary: "List the engine's images",
    description:
      "Every image, newest first, with the containers made from it and the templates that launch from it.",
    tags: [ENGINE_TAG],
    access: "admin",
    responses: { 200: { description: "The images.", schema: imagesSchema } },
    errors: ENGINE_ERRORS,
  }),
  operation({
    id: "adminPullEngineImage",
    method: "post",
    path: "/api/v1/admin/engine/images/pull",
    summary: "Pull an image",
    description:
      "Answers `text/event-stream`: `progress` events `{ type, layer?, status, current?, total? }` as the engine reports each layer, then `done` `{ reference, id }` or `error` `{ code, message }` (IMAGE_PULL_FAILED with the registry's words). An engine that cannot be reached before the stream opens is a JSON 503 (CONTAINER_ENGINE_UNAVAILABLE); a failure after is an `error` event. Closing the stream cancels the pull. Audited (`engine.image.pull`).",
    tags: [ENGINE_TAG],
    access: "admin",
    body: pullImageSchema,
    responses: {
      200: { description: "The pull's progress, as server-sent events.", contentType: "text/event-stream" },
    },
    errors: ENGINE_ERRORS,
  }),
  operation({
    id: "adminRemoveEngineImage",
    method: "delete",
    path: "/api/v1/admin/engine/images/{id}",
    summary: "Remove an image",
    description:
      "By id or by repo:tag (URL-encoded). A template's image is refused (409 IN_USE) even with force; a tag no template names may be untagged while another keeps the image. Without force the engine refuses an image containers were made from (409).",
    tags: [ENGINE_TAG],
    access: "admin",
    params: z.strictObject({ id: z.string().describe("An image id (full or short) or a repo:tag.") }),
    query: removeImageQuerySchema,
    responses: { 200: { description: "What was untagged and deleted.", schema: removedSchema } },
    errors: [
      { status: 404, codes: ["ENGINE_OBJECT_NOT_FOUND"] },
      { status: 409, codes: ["IN_USE"] },
      ...ENGINE_ERRORS,
    ],
  }),
  operation({
    id: "adminPruneEngineImages",
    method: "post",
    path: "/api/v1/admin/engine/images/prune",
    summary: "Remove unused images",
    description:
      "Each image no container was made from and no template launches from, one by one (never the engine's own prune): dangling ones only unless `all`.",
    tags: [ENGINE_TAG],
    access: "admin",
    body: pruneImagesSchema,
    responses: { 200: { description: "What went and what the disk got back.", schema: prunedSchema } },
    errors: ENGINE_ERRORS,
  }),
];
