// A template's volume setting as the admin form and API send it: { driver, options, shared }, sent whole. Pure, so the
// browser runs it too.
import { z } from "zod";
import { VOLUME_PLACEHOLDER } from "@/lib/templates/template-volume";

export const MAX_VOLUME_OPTIONS = 16;

// A Docker plugin reference: "local", "vieux/sshfs", "rexray/ebs:latest", "registry:5000/team/driver:1.2".
const COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
export const DRIVER_NAME = new RegExp(
  `^(?:[a-z0-9.-]+:[0-9]+/)?${COMPONENT}(?:/${COMPONENT})*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$`,
);
const OPTION_KEY = /^[a-zA-Z0-9_.-]{1,64}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what the check refuses.
const CONTROL = /[\u0000-\u001f\u007f]/;
// A brace pair that is not {volume} is most likely a typo of it ({Volume}): every workspace would share that one path.
const OTHER_PLACEHOLDER = /\{(?!volume\})[^{}]*\}/;

const driverSchema = z
  .string({ message: "Enter a volume driver such as local or vieux/sshfs." })
  .trim()
  .max(255, { message: "At most 255 characters." })
  .regex(DRIVER_NAME, {
    message: "Use a Docker volume plugin name such as local, vieux/sshfs or rexray/ebs:latest.",
  });

const optionsSchema = z
  .record(z.string(), z.unknown(), { message: "Send the options as a map of names to text values." })
  .superRefine((options, ctx) => {
    const keys = Object.keys(options);
    if (keys.length > MAX_VOLUME_OPTIONS)
      ctx.addIssue({ code: "custom", message: `At most ${MAX_VOLUME_OPTIONS} options.` });
    for (const key of keys) {
      const value = options[key];
      const path = [key];
      if (!OPTION_KEY.test(key))
        ctx.addIssue({
          code: "custom",
          path,
          message: `"${key.slice(0, 64)}" is no option name: use 1–64 letters, digits and ._- only.`,
        });
      if (typeof value !== "string")
        ctx.addIssue({
          code: "custom",
          path,
          message: "Write each option as name=value, the value as text.",
        });
      else if (value.length > 512)
        ctx.addIssue({ code: "custom", path, message: "Option values are at most 512 characters." });
      else if (CONTROL.test(value))
        ctx.addIssue({ code: "custom", path, message: "Option values can't contain control characters." });
      else if (OTHER_PLACEHOLDER.test(value))
        ctx.addIssue({
          code: "custom",
          path,
          message: `The only placeholder is ${VOLUME_PLACEHOLDER} (the workspace's volume name).`,
        });
    }
  })
  .transform((options) => options as Record<string, string>);

// The local driver mounts whatever its options say: a bind ("o=bind", type none) or a block device of the host would
// put a host path in every workspace of the template, which a workspace never gets. Network and memory filesystems
// only.
const LOCAL_TYPES = ["tmpfs", "nfs", "nfs4", "cifs", "smb3"];

export const volumeInputSchema = z
  .object(
    {
      driver: driverSchema.default("local"),
      options: optionsSchema.default({}),
      /** Every node reaches the same data (NFS ...): a Swarm does not pin the workspace to one node. */
      shared: z.boolean({ message: "Say true or false." }).default(false),
    },
    { message: "Send the volume as { driver, options, shared }." },
  )
  .superRefine((volume, ctx) => {
    if (volume.driver !== "local" || Object.keys(volume.options).length === 0) return;
    const type = volume.options.type;
    if (type === undefined || !LOCAL_TYPES.includes(type))
      ctx.addIssue({
        code: "custom",
        path: ["options", "type"],
        message: `With the local driver, type is one of ${LOCAL_TYPES.join(", ")}: a host folder or disk is never a workspace's.`,
      });
    const mountOptions = (volume.options.o ?? "").split(",").map((option) => option.trim());
    if (mountOptions.some((option) => option === "bind" || option === "rbind"))
      ctx.addIssue({
        code: "custom",
        path: ["options", "o"],
        message: "A bind mount of a host folder is never a workspace's volume.",
      });
  });
export type VolumeInput = z.infer<typeof volumeInputSchema>;
