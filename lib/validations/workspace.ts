// One schema per input, shared by the dialog, the server actions and the API: creating a workspace and changing
// its settings. Wire names are snake_case (the API's); rules that need a template (maxima, the data path) or a
// setting (plain http repositories) are checked by the use case and reported on the same fields.
import { z } from "zod";
import { WORKSPACE_NAME } from "@/lib/workspaces/workspace-name";

export const MAX_ENV_VARS = 64;
export const MAX_ENV_VALUE_BYTES = 4 * 1024;
export const MAX_SECRET_FILES = 8;
export const MAX_SECRET_FILE_BYTES = 64 * 1024;
/** The largest settings body a route reads: secret files (up to 8 × 64 KiB) and environment values. */
export const SETTINGS_BODY_BYTES = 1024 * 1024;

/** Names the app sets in every workspace; a user's variable may not shadow them. */
const RESERVED_ENV = new Set(["USER_ID", "USER_SLUG", "CONTAINER_TYPE", "SERVICE_BASE_PATH"]);
export const isReservedEnvKey = (key: string) => RESERVED_ENV.has(key) || key.startsWith("WORKSPACE_");

// TextEncoder, not Buffer: this schema runs in the browser too.
const bytes = (text: string) => new TextEncoder().encode(text).length;

export const workspaceNameSchema = z.string({ message: "Enter a name." }).regex(WORKSPACE_NAME, {
  message: "Use 1–32 lower-case letters, digits and dashes, starting and ending with a letter or digit.",
});

const envEntrySchema = z.object({
  key: z
    .string({ message: "Enter a name." })
    .max(128, { message: "Names are at most 128 characters." })
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
      message: "Use letters, digits and _, not starting with a digit.",
    })
    .refine((key) => !isReservedEnvKey(key), {
      message:
        "The app sets this name itself (USER_ID, USER_SLUG, CONTAINER_TYPE, SERVICE_BASE_PATH, WORKSPACE_*).",
    }),
  value: z
    .string({ message: "Enter a value (it may be empty)." })
    .refine((value) => bytes(value) <= MAX_ENV_VALUE_BYTES, { message: "Values are at most 4 KiB." })
    .refine((value) => !value.includes("\0"), { message: "Values can't hold a NUL character." }),
});

const envSchema = z
  .array(envEntrySchema, { message: "Send a list of { key, value }." })
  .max(MAX_ENV_VARS, { message: `At most ${MAX_ENV_VARS} variables.` })
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.key))
        ctx.addIssue({ code: "custom", path: [index, "key"], message: "This name is set twice." });
      seen.add(entry.key);
    });
  });

/** "~/…" (the workspace user's home) or an absolute path (under the data path, checked with the template). */
export const secretPathSchema = z
  .string({ message: "Enter a path." })
  .max(255, { message: "Paths are at most 255 characters." })
  .regex(/^(~\/|\/)[A-Za-z0-9._@+=,:-]+(\/[A-Za-z0-9._@+=,:-]+)*$/, {
    message: "Use ~/path/in/home or /absolute/path, with letters, digits and ._-@+=,: in each part.",
  })
  .refine((path) => !path.split("/").some((part) => part === "." || part === ".."), {
    message: "Paths can't contain . or .. parts.",
  });

const secretFileSchema = z
  .object({
    path: secretPathSchema,
    /** New content; left out in a settings change, it keeps the file's current content. */
    content: z.string().optional(),
    encoding: z.enum(["utf8", "base64"]).default("utf8"),
  })
  .superRefine((file, ctx) => {
    if (file.content === undefined) return;
    const size =
      file.encoding === "base64" ? Buffer.from(file.content, "base64").length : bytes(file.content);
    if (size > MAX_SECRET_FILE_BYTES)
      ctx.addIssue({ code: "custom", path: ["content"], message: "Secret files are at most 64 KiB." });
    if (file.encoding === "base64" && !/^[A-Za-z0-9+/]*={0,2}$/.test(file.content))
      ctx.addIssue({ code: "custom", path: ["content"], message: "This is not valid base64." });
  });

const secretFilesSchema = z
  .array(secretFileSchema, { message: "Send a list of { path, content }." })
  .max(MAX_SECRET_FILES, { message: `At most ${MAX_SECRET_FILES} secret files.` })
  .superRefine((files, ctx) => {
    const seen = new Set<string>();
    files.forEach((file, index) => {
      if (seen.has(file.path))
        ctx.addIssue({ code: "custom", path: [index, "path"], message: "This path is listed twice." });
      seen.add(file.path);
    });
  });

const gitSchema = z
  .object({
    url: z
      .string({ message: "Enter the repository's URL." })
      .max(2048)
      .pipe(z.url({ protocol: /^https?$/, message: "Enter an https:// URL of a git repository." }))
      .refine((url) => !new URL(url).username && !new URL(url).password, {
        message: "Leave credentials out of the URL; put an access token in the token field.",
      }),
    branch: z
      .string()
      .max(200)
      .regex(/^(?!-)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]+(?<![./])$/, {
        message: "Enter a branch name such as main.",
      })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    username: z
      .string()
      .max(100)
      .regex(/^[A-Za-z0-9._@-]+$/, { message: "Use letters, digits and ._@-." })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** An access token for a private repository: stored sealed, never shown again. "" removes it; left out keeps it. */
    token: z.string().max(1024, { message: "Tokens are at most 1024 characters." }).optional(),
  })
  .nullable();

const limitsSchema = z.object({
  memory_mb: z
    .number({ message: "Enter memory in MB." })
    .int({ message: "Whole MB only." })
    .min(16, {
      message: "At least 16 MB.",
    })
    .optional(),
  cpus: z
    .number({ message: "Enter a number of CPUs." })
    .min(0.05, { message: "At least 0.05 CPUs." })
    .max(64)
    .optional(),
  pids: z
    .number({ message: "Enter a number of processes." })
    .int({ message: "A whole number." })
    .min(16, {
      message: "At least 16 processes.",
    })
    .optional(),
});

const settingsFields = {
  display_name: z
    .string()
    .trim()
    .max(64, { message: "At most 64 characters." })
    .refine((name) => ![...name].some((char) => char.charCodeAt(0) < 32), {
      message: "No control characters.",
    })
    .optional(),
  git: gitSchema.optional(),
  env: envSchema.optional(),
  secret_files: secretFilesSchema.optional(),
  limits: limitsSchema.optional(),
  /** Stop it after this many minutes without activity (0: never, where the template allows); null: the template's. */
  idle_timeout_minutes: z
    .number({ message: "Enter a number of minutes." })
    .int({ message: "Whole minutes only." })
    .min(0, { message: "0 or more minutes." })
    .max(525_600, { message: "At most a year." })
    .nullable()
    .optional(),
};

export const createWorkspaceSchema = z.strictObject({
  name: workspaceNameSchema,
  template: z.string({ message: "Choose a template." }).min(1, { message: "Choose a template." }).max(64),
  /** A kept data volume (its id) to use instead of a new, empty one. */
  volume: z.string().max(64).optional(),
  ...settingsFields,
});

export const updateWorkspaceSchema = z.strictObject({
  ...settingsFields,
  /** Apply a change to a running workspace now (restart or re-create, data kept); otherwise at its next start. */
  apply_now: z.boolean().optional(),
});

export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;
export type UpdateWorkspaceInput = z.infer<typeof updateWorkspaceSchema>;
export type SecretFileInput = NonNullable<CreateWorkspaceInput["secret_files"]>[number];
