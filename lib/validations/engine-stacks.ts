// Input of the admin's stack calls, shared by the routes, the actions and the API document.
import { z } from "zod";

/** Compose's own rule for a project name (lowercase, digits, _ and -; 63 at most). */
export const STACK_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** A body carries the file as JSON text: room for the file's limit (256 KB) once escaped. */
export const DEPLOY_BODY_BYTES = 1024 * 1024;

export const deployStackSchema = z.strictObject({
  name: z
    .string()
    .regex(STACK_NAME, {
      message: "must be 1–63 lowercase letters, digits, _ or -, starting with a letter or digit",
    })
    .describe(
      "The stack's name: the Compose project name its containers, networks and volumes are labelled with.",
    ),
  compose: z
    .string()
    .min(1, { message: "is empty: paste or upload a compose file" })
    .describe("The compose file's YAML text (256 KB at most)."),
});

export type DeployStackInput = z.infer<typeof deployStackSchema>;

const confirm = z
  .string()
  .max(255)
  .optional()
  .describe(
    "The stack's name, typed again: needed for a protected stack (the app's own, Traefik's) and to remove volumes.",
  );

export const stopStackQuerySchema = z.strictObject({ confirm });

export const removeStackQuerySchema = z.strictObject({
  volumes: z
    .enum(["true", "false"])
    .optional()
    .describe(
      "true: remove the stack's volumes and their data too, with confirm (default false: they are kept).",
    ),
  confirm,
});
