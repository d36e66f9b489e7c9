// Input of the engine pages' image, volume and network calls, shared by the routes, the forms and the API document.
// Pure, so the browser runs it too.
import { z } from "zod";
import { VOLUME_NAME, WORKLOAD_ID } from "@/lib/validations/admin-users";
import { imageRef } from "@/lib/validations/image-ref";

/** What Docker accepts as a network (or container) name: its name alphabet, at most 128. */
export const OBJECT_NAME = WORKLOAD_ID;
/** A volume name: the same alphabet, at most 255. */
export { VOLUME_NAME };

const LABEL_KEY = /^[a-zA-Z0-9][a-zA-Z0-9._/-]{0,127}$/;

const labels = z
  .record(
    z.string().regex(LABEL_KEY, { message: "A label key is letters, digits and . _ / - (at most 128)." }),
    z.string().max(1024, { message: "A label value is at most 1024 characters." }),
  )
  .refine((value) => Object.keys(value).length <= 32, { message: "At most 32 labels." })
  .default({})
  .describe("Labels to put on it; keys starting with this app's LABEL_PREFIX are refused.");

const objectName = (what: string, pattern: RegExp, max: number) =>
  z.string().regex(pattern, {
    message: `A ${what} name starts with a letter or digit, then letters, digits, _ . - (at most ${max}).`,
  });

const labelFilter = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._/-]{0,127}(=.{0,1024})?$/, {
    message: 'A label filter is "key" or "key=value".',
  })
  .optional()
  .describe('Only objects with this label ("key" or "key=value").');

export const pullImageSchema = z.strictObject({
  reference: imageRef.describe(
    "What to pull: name[:tag] or name@sha256:…, with the registry's host first if any.",
  ),
});

export const removeImageQuerySchema = z.strictObject({
  force: z
    .enum(["true", "false"], { message: "force must be true or false." })
    .optional()
    .describe("Untag every name and remove it even if stopped containers were made from it."),
});

export const pruneImagesSchema = z.strictObject({
  all: z
    .boolean({ message: "all must be true or false." })
    .default(false)
    .describe("Every unused image, tagged ones too; without it only dangling (untagged) ones."),
  label: labelFilter,
});

export const createVolumeSchema = z.strictObject({
  name: objectName("volume", VOLUME_NAME, 255),
  driver: z
    .string()
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]{0,127}$/, { message: "Name a volume driver such as local." })
    .default("local"),
  labels,
});

export const pruneVolumesSchema = z.strictObject({
  all: z
    .boolean({ message: "all must be true or false." })
    .default(false)
    .describe("Named volumes too; without it only anonymous ones (as docker 23+ prunes)."),
  label: labelFilter,
});

export const createNetworkSchema = z.strictObject({
  name: objectName("network", OBJECT_NAME, 128),
  driver: z
    .enum(["bridge", "overlay"], { message: "The driver is bridge or overlay (overlay needs a Swarm)." })
    .default("bridge"),
  internal: z.boolean({ message: "internal must be true or false." }).default(false).describe("No way out."),
  subnet: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, { message: "A subnet is an IPv4 CIDR such as 10.42.0.0/24." })
    .optional(),
  labels,
});
