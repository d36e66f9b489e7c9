// The admin's accounts: list, change (role, quotas, disabled) and delete. Inputs are the routes' own schemas
// (lib/validations/admin-users.ts); answers are tied to their view types.
import { z } from "zod";
import type { DeleteUserResult } from "@/lib/admin/delete-user";
import type { WorkspaceResult } from "@/lib/admin/each-workspace";
import type { UserList } from "@/lib/admin/list-users";
import type { UpdateUserResult } from "@/lib/admin/update-user";
import type { UserView } from "@/lib/admin/user-view";
import { itemErrorSchema } from "@/lib/api/api-error";
import { operation } from "@/lib/api/operation";
import { ENGINE_ERRORS } from "@/lib/api/operation-errors";
import { sameType } from "@/lib/api/same-type";
import { deleteUserSchema, listUsersQuery, updateUserSchema } from "@/lib/validations/admin-users";

const TAG = "admin: users";
const byId = z.strictObject({ id: z.string().describe("The account's id.") });

const quotaLimit = z.strictObject({
  max: z.number().describe("In effect (0: no limit)."),
  own: z.number().nullable().describe("The account's own (null: it follows the platform's)."),
  platform: z.number().describe("The platform's (QUOTA_* settings)."),
  used: z.number().nullable().describe("In use now (null while the engine can't be asked)."),
});

export const userViewSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  slug: z.string(),
  role: z.enum(["USER", "ADMIN"]),
  status: z.enum(["active", "disabled"]),
  disabled_at: z.iso.datetime().nullable(),
  workspaces: z.strictObject({ total: z.number().int(), running: z.number().int().nullable() }),
  quota: z.strictObject({
    workspaces: quotaLimit,
    running: quotaLimit,
    memory_mb: quotaLimit,
    cpus: quotaLimit,
  }),
  created_at: z.iso.datetime(),
  last_seen: z.iso.datetime().nullable().describe("When their latest session was last used."),
});
sameType<z.output<typeof userViewSchema>, UserView>();

const userListSchema = z.strictObject({
  users: z.array(userViewSchema),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
  engine: z.enum(["ok", "unavailable"]).describe("unavailable: running counts are unknown."),
});
sameType<z.output<typeof userListSchema>, UserList>();

const workspaceResultSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  ok: z.boolean(),
  error: itemErrorSchema.optional(),
});
sameType<z.output<typeof workspaceResultSchema>, WorkspaceResult>();

const updateUserResultSchema = z.strictObject({
  user: userViewSchema,
  stopped: z.array(workspaceResultSchema).describe("Disabling: each of their workspaces, stopped or not."),
});
sameType<z.output<typeof updateUserResultSchema>, UpdateUserResult>();

const deleteUserResultSchema = z.strictObject({
  deleted: z.literal(true),
  workspaces: z.array(workspaceResultSchema),
  volumes_removed: z.array(z.string()),
  volumes_left: z.array(z.string()).describe("Left on the engine as orphans (without delete_volumes)."),
});
sameType<z.output<typeof deleteUserResultSchema>, DeleteUserResult>();

export const adminUserOperations = [
  operation({
    id: "adminListUsers",
    method: "get",
    path: "/api/v1/admin/users",
    summary: "List accounts",
    description: "Newest first, 25 a page, searched by address, name or slug (q).",
    tags: [TAG],
    access: "admin",
    query: listUsersQuery,
    responses: { 200: { description: "A page of accounts.", schema: userListSchema } },
    errors: [],
  }),
  operation({
    id: "adminUpdateUser",
    method: "patch",
    path: "/api/v1/admin/users/{id}",
    summary: "Change an account's role, quotas or disabled state",
    description:
      "Each quota named is set (0: no limit) or given back to the platform's (null). Disabling signs them out " +
      "everywhere and stops their workspaces; the last active admin stays.",
    tags: [TAG],
    access: "admin",
    params: byId,
    body: updateUserSchema,
    responses: { 200: { description: "The account as it is now.", schema: updateUserResultSchema } },
    errors: [
      { status: 404, codes: ["USER_NOT_FOUND"] },
      { status: 409, codes: ["LAST_ADMIN", "CONFLICT"] },
      ...ENGINE_ERRORS,
    ],
  }),
  operation({
    id: "adminDeleteUser",
    method: "delete",
    path: "/api/v1/admin/users/{id}",
    summary: "Delete an account",
    description:
      "Its workspaces and rows go; its data volumes only with delete_volumes=true and confirm set to the " +
      "account's email address (otherwise they stay on the engine as orphans).",
    tags: [TAG],
    access: "admin",
    params: byId,
    query: deleteUserSchema,
    responses: { 200: { description: "What was removed and left.", schema: deleteUserResultSchema } },
    errors: [
      { status: 400, codes: ["CONFIRMATION_REQUIRED"] },
      { status: 404, codes: ["USER_NOT_FOUND"] },
      { status: 409, codes: ["CONFLICT"] },
      ...ENGINE_ERRORS,
    ],
  }),
];
