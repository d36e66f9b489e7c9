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

/** PATCH /api/v1/admin/users/{id}: a new role, disabled or enabled, or both. */
export const updateUserSchema = z
  .object({
    role: z.enum(["USER", "ADMIN"], { message: "The role must be USER or ADMIN." }).optional(),
    disabled: z.boolean({ message: "disabled must be true or false." }).optional(),
  })
  .strict()
  .refine((input) => input.role !== undefined || input.disabled !== undefined, {
    message: "Say what to change: role, disabled or both.",
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
