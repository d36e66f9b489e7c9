// One schema for a template, shared by the admin form, the admin actions and the admin API (wire names snake_case).
// Rules that need the engine (the image is present) or the database (the name is free) are the use case's, and come
// back on the same fields.
import { z } from "zod";
import { IMAGE_REFERENCE } from "@/lib/validations/image-ref";
import { volumeInputSchema } from "@/lib/validations/template-volume";

export const MAX_APPS = 8;

export const TEMPLATE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

// An app's name starts a workspace app's host label (lib/ingress/workspace-host.ts): at most 16, no "--", not 2 long
// ("ui--ada-dev" would put "--" in the 3rd and 4th places, a form Let's Encrypt issues no certificate for).
const appNameSchema = z
  .string({ message: "Enter a name." })
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,14}[a-z0-9])?$/, {
    message: "Use 1–16 lower-case letters, digits and dashes, starting and ending with a letter or digit.",
  })
  .refine((name) => !name.includes("--"), { message: "Names can't contain two dashes in a row." })
  .refine((name) => name.length !== 2, { message: "Use 1 or at least 3 characters." });

const appInputSchema = z.object(
  {
    name: appNameSchema,
    port: z
      .number({ message: "Enter a port number." })
      .int({ message: "Enter a whole number." })
      .min(1, { message: "Ports are 1–65535." })
      .max(65535, { message: "Ports are 1–65535." }),
    primary: z.boolean({ message: "Say true or false." }).default(false),
    // An empty field in the form means none.
    health_path: z.preprocess(
      (value) => (value === "" || value === null ? undefined : value),
      z
        .string({ message: "Enter a path such as /healthz." })
        .max(200, { message: "Paths are at most 200 characters." })
        .regex(/^\/[A-Za-z0-9._~!$&'()*+,;=:@/%?-]*$/, {
          message: "Start with / and use no spaces, such as /healthz.",
        })
        // "//host/x" is a URL of another host, not a path of the app's (the probe would fetch it).
        .refine((path) => !path.startsWith("//"), { message: "Start with a single /, such as /healthz." })
        .optional(),
    ),
  },
  { message: "Send each app as { name, port, primary, health_path }." },
);

const appsInputSchema = z
  .array(appInputSchema, { message: "Send a list of apps." })
  .min(1, { message: "A template has at least one app." })
  .max(MAX_APPS, { message: `A template has at most ${MAX_APPS} apps.` })
  .superRefine((apps, ctx) => {
    const names = new Set<string>();
    const ports = new Set<number>();
    apps.forEach((app, index) => {
      // Checks run over items that failed their own (every error at once): skip what is not an app at all.
      if (typeof app !== "object" || app === null) return;
      if (names.has(app.name))
        ctx.addIssue({ code: "custom", path: [index, "name"], message: "Two apps have this name." });
      if (ports.has(app.port))
        ctx.addIssue({ code: "custom", path: [index, "port"], message: "Two apps use this port." });
      names.add(app.name);
      ports.add(app.port);
    });
    const primaries = apps.filter((app) => app?.primary === true).length;
    if (primaries !== 1)
      ctx.addIssue({
        code: "custom",
        message:
          primaries === 0
            ? "Mark one app as primary: it is what Open opens."
            : "Mark exactly one app as primary.",
      });
  });

// Bounds as the settings have them (CONTAINER_MEMORY at least 16m, CPUS 0.05–64, PIDS 16–100000).
const limitValuesSchema = z.object(
  {
    memory_mb: z
      .number({ message: "Enter a number of MiB." })
      .int({ message: "Enter a whole number of MiB." })
      .min(16, { message: "At least 16 MiB." })
      .max(262_144, { message: "At most 262144 MiB (256 GiB)." }),
    cpus: z
      .number({ message: "Enter a number of CPUs." })
      .min(0.05, { message: "At least 0.05 CPUs." })
      .max(64, { message: "At most 64 CPUs." }),
    pids: z
      .number({ message: "Enter a number of processes." })
      .int({ message: "Enter a whole number." })
      .min(16, { message: "At least 16 processes." })
      .max(100_000, { message: "At most 100000 processes." }),
  },
  { message: "Send memory_mb, cpus and pids." },
);

const LIMIT_KEYS = ["memory_mb", "cpus", "pids"] as const;

type LimitKey = (typeof LIMIT_KEYS)[number];
type LimitsDraft = { default?: Partial<Record<LimitKey, unknown>>; max?: Partial<Record<LimitKey, unknown>> };

const limitsObjectSchema = z.object(
  { default: limitValuesSchema, max: limitValuesSchema },
  { message: "Send default and max." },
);

// Default ≤ max, per key: checked wherever both are numbers, even when another limit is wrong (every error at once).
const limitsInputSchema = LIMIT_KEYS.reduce(
  (schema, key) =>
    schema.refine((limits) => limits.default[key] <= limits.max[key], {
      path: ["max", key],
      message: "The maximum can't be less than the default.",
      when: (payload) => {
        const value = payload.value as LimitsDraft | undefined;
        return typeof value?.default?.[key] === "number" && typeof value?.max?.[key] === "number";
      },
    }),
  limitsObjectSchema,
);

// Folders a data volume must not hide: the system's own.
const SYSTEM_FOLDERS = ["/bin", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/sbin", "/sys", "/usr"];

export const dataPathSchema = z
  .string({ message: "Enter an absolute path such as /workspace." })
  .max(200, { message: "Paths are at most 200 characters." })
  .regex(/^(\/[A-Za-z0-9._-]+)+$/, {
    message:
      "Use an absolute path such as /workspace: no trailing slash, letters, digits and ._- in each part.",
  })
  .refine((path) => !path.split("/").some((part) => part === "." || part === ".."), {
    message: "Paths can't contain . or .. parts.",
  })
  .refine((path) => !SYSTEM_FOLDERS.some((folder) => path === folder || path.startsWith(`${folder}/`)), {
    message: "A data volume can't be mounted over a system folder.",
  });

const displayNameSchema = z
  .string({ message: "Enter a display name." })
  .trim()
  .min(1, { message: "Enter a display name." })
  .max(64, { message: "At most 64 characters." });

const descriptionSchema = z
  .string({ message: "Enter a description (it may be empty)." })
  .trim()
  .max(500, { message: "At most 500 characters." });

const imageSchema = z
  .string({ message: "Enter an image." })
  .trim()
  .regex(IMAGE_REFERENCE, { message: "Enter a Docker image reference such as spawner-dev:latest." });

// Whole minutes, stored as seconds (Template.idleSeconds, maxLifetimeSeconds); 0 is never (no limit).
const minutesSchema = (what: string) =>
  z
    .number({ message: `Enter a number of minutes (0: ${what}).` })
    .int({ message: "Whole minutes only." })
    .min(0, { message: `0 (${what}) or more minutes.` })
    .max(525_600, { message: "At most a year (525600 minutes)." });
const idleMinutesSchema = minutesSchema("never stopped when idle");
const lifetimeMinutesSchema = minutesSchema("no maximum lifetime");

/** A whole template: what POST /api/v1/admin/templates takes. */
export const templateInputSchema = z.object({
  name: z.string({ message: "Enter a name." }).regex(TEMPLATE_NAME, {
    message: "Use 1–32 lower-case letters, digits and dashes, starting and ending with a letter or digit.",
  }),
  display_name: displayNameSchema,
  description: descriptionSchema.default(""),
  image: imageSchema,
  apps: appsInputSchema,
  limits: limitsInputSchema,
  data_path: dataPathSchema.default("/workspace"),
  /** The driver new data volumes are made with: local, not shared, unless said. */
  volume: volumeInputSchema.default({ driver: "local", options: {}, shared: false }),
  /** Running workspaces without activity this long are stopped (a workspace may choose shorter). */
  idle_timeout_minutes: idleMinutesSchema.default(30),
  /** Running workspaces are stopped this long after they started, active or not. */
  max_lifetime_minutes: lifetimeMinutesSchema.default(0),
});
export type TemplateInput = z.infer<typeof templateInputSchema>;

/**
 * A change (PATCH /api/v1/admin/templates/{id}): any of the fields, each checked whole, or `enabled` by itself. The
 * name may be sent unchanged (a form that sends everything) but never changed: it names workloads and slots.
 */
export const templatePatchSchema = z.object({
  name: z.string({ message: "A template's name can't be changed." }).optional(),
  display_name: displayNameSchema.optional(),
  description: descriptionSchema.optional(),
  image: imageSchema.optional(),
  apps: appsInputSchema.optional(),
  limits: limitsInputSchema.optional(),
  data_path: dataPathSchema.optional(),
  volume: volumeInputSchema.optional(),
  idle_timeout_minutes: idleMinutesSchema.optional(),
  max_lifetime_minutes: lifetimeMinutesSchema.optional(),
  enabled: z.boolean({ message: "Say true or false." }).optional(),
});
export type TemplatePatch = z.infer<typeof templatePatchSchema>;
