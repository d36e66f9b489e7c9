// One schema per input of the admin's user and orphan verbs, shared by the page, the API and the server actions.
import { z } from "zod";

export const USERS_PAGE_SIZE = 25;

/** GET /api/v1/admin/users?q=&page= and the page's search form. */
export const listUsersQuery = z.object({
  q: z.string().trim().max(200, { message: "Search for at most 200 characters." }).default(""),
  page: z.coerce
    .number({ message: "The page must be a number." })
    .int({ message: "The page must be a whole number." })
    .min(1, { message: "Pages start at 1." })
    .max(100_000, { message: "There are not that many pages." })
    .default(1),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

// A quota of one account: 0 is no limit, null follows the platform's; bounds as the QUOTA_* settings have them.
const quotaValue = (schema: z.ZodNumber) =>
  schema.min(0, { message: "0 (no limit) or more." }).nullable().optional();
const wholeQuota = (most: number, unit: string) =>
  quotaValue(
    z
      .number({ message: `Enter a number of ${unit}, 0 for no limit, or null for the platform's.` })
      .int({ message: "Enter a whole number." })
      .max(most, { message: `At most ${most}.` }),
  );

/**
 * An account's own quotas (the users page's form, and { quota } of PATCH /api/v1/admin/users/{id}): each one named
 * is set (a number, 0 = no limit) or given back to the platform's (null); one left out stays as it is.
 */
export const userQuotaSchema = z
  .strictObject(
    {
      workspaces: wholeQuota(10_000, "workspaces"),
      running: wholeQuota(10_000, "workspaces"),
      memory_mb: wholeQuota(16_777_216, "MB"),
      cpus: quotaValue(
        z
          .number({ message: "Enter a number of CPUs, 0 for no limit, or null for the platform's." })
          .max(4096, { message: "At most 4096." }),
      ),
    },
    { message: "Send the quota as { workspaces, running, memory_mb, cpus }." },
  )
  .refine((quota) => Object.values(quota).some((value) => value !== undefined), {
    message: "Name a quota to change: workspaces, running, memory_mb or cpus.",
  });
export type UserQuotaInput = z.infer<typeof userQuotaSchema>;

/** PATCH /api/v1/admin/users/{id}: a new role, quotas, disabled or enabled, or any of them together. */
export const updateUserSchema = z
  .object({
    role: z.enum(["USER", "ADMIN"], { message: "The role must be USER or ADMIN." }).optional(),
    quota: userQuotaSchema.optional(),
    disabled: z.boolean({ message: "disabled must be true or false." }).optional(),
  })
  .strict()
  .refine((input) => input.role !== undefined || input.quota !== undefined || input.disabled !== undefined, {
    message: "Say what to change: role, quota, disabled or any of them.",
    path: ["role"],
  });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** DELETE /api/v1/admin/users/{id}: their volumes go only with delete_volumes and their address typed as confirm. */
export const deleteUserSchema = z.object({
  delete_volumes: z.boolean({ message: "delete_volumes must be true or false." }).default(false),
  confirm: z.string().max(320, { message: "The confirmation is too long." }).default(""),
});
export type DeleteUserInput = z.infer<typeof deleteUserSchema>;

/** POST /api/v1/admin/orphans/volumes/{name}/give: { user_id }; the page's form names the recipient by address. */
export const giveVolumeSchema = z
  .object({
    user_id: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/i, { message: "Name the user by their id." })
      .optional(),
    email: z.email({ message: "Enter the recipient's email address." }).max(320).optional(),
  })
  .strict()
  .refine((input) => !!input.user_id !== !!input.email, {
    message: "Name the user who gets the volume (user_id).",
    path: ["user_id"],
  });
export type GiveVolumeInput = z.infer<typeof giveVolumeSchema>;

// Names and ids as the engine spells them (Docker's name alphabet); anything else can't be one of ours: 404.
export const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/;
export const WORKLOAD_ID = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;
